// Career Copilot from Swift (iOS, macOS), through the uniffi-generated bindings: parse a resume,
// score it against a job, tailor it, rank jobs.
//
// Generate the Swift bindings (see bindings-mobile/README.md) and add `career_copilot_mobile.swift`
// with the `career_copilot_mobileFFI` module (header and modulemap) and the static library or
// XCFramework to your target. Not compiled in CI here: no Swift toolchain runs on this Linux
// machine; the same FFI is exercised by the Kotlin and uniffi-Python tests.
import Foundation

func quickstart(resumeURL: URL, posting: String) {
    do {
        let parsed = try parseResume(bytes: try Data(contentsOf: resumeURL), fileName: resumeURL.lastPathComponent)
        // The profile is JSON Resume text: decode it with `JSONDecoder` into your own `Codable` types.
        print("read as \(parsed.format), \(parsed.layout.pages) page(s)")
        for warning in parsed.warnings { print("warning [\(warning.code)]: \(warning.message)") }

        let job = try parseJob(bytes: Data(posting.utf8), fileName: nil).jobJson

        // The explainable ATS score: typed records, every point with evidence.
        let report = try score(
            profileJson: parsed.profileJson, jobJson: job,
            config: ScoreConfig(asOf: "2024-06"), layout: parsed.layout)
        print("ATS score \(report.score)/100")
        for part in report.breakdown { print("  \(part.name): \(part.points) points") }
        for skill in report.matched { print("  has \(skill.skill) (\(skill.credit)) at \(skill.evidence)") }
        for skill in report.missing { print("  missing \(skill.skill)\(skill.required ? " (required)" : "")") }

        // Tailoring reorders and trims; it never adds a fact.
        let tailored = try optimize(profileJson: parsed.profileJson, jobJson: job, options: nil)
        print("tailored: \(tailored.changes.count) changes")

        // Many jobs: index once, rank and search as often as needed.
        let index = try JobIndex(jobsJson: [job])
        for hit in try index.rank(profileJson: parsed.profileJson, prefs: MatchPrefs(remote: true), top: 10, text: nil) {
            print("  rank: job \(hit.index) \(hit.score)")
        }
        print("\"k8s\" is \(skillLookup(name: "k8s")?.name ?? "?")")
    } catch CopilotError.NoTextLayer(let message) {
        print("scanned PDF, run OCR first: \(message)")
    } catch {
        // CopilotError cases: InvalidInput, Unsupported, LimitExceeded, Corrupt, Provider, ...
        print("cannot read \(resumeURL.lastPathComponent): \(error)")
    }
}

/// Ranking from Swift concurrency: `rankAsync` runs on the library's own threads, so the main
/// actor is never blocked, and many rankings run at once.
func rankForAll(profilesJson: [String], index: JobIndex) async throws -> [[RankedJob]] {
    try await withThrowingTaskGroup(of: (Int, [RankedJob]).self) { group in
        for (i, profile) in profilesJson.enumerated() {
            group.addTask { (i, try await index.rankAsync(profileJson: profile, prefs: nil, top: 5, text: nil)) }
        }
        var out = [[RankedJob]](repeating: [], count: profilesJson.count)
        for try await (i, ranked) in group { out[i] = ranked }
        return out
    }
}
