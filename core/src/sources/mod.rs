//! Job sources (RemoteOK, We Work Remotely, Greenhouse, Lever, JSON-LD pages) and dedupe.
