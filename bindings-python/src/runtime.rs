//! The binding's one tokio runtime, and the bridge that turns its tasks into asyncio awaitables.
//!
//! The runtime is built on first use (importing the module starts no threads) with two
//! workers, and rebuilt in a forked child: threads do not survive `fork`, so a child that
//! inherited the parent's runtime would hang on its first task. The process id tells the two
//! apart. [`Tokio`] plugs it into pyo3-async-runtimes, so `future_into_py` spawns here and
//! resolves an asyncio future on the caller's event loop.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Mutex, OnceLock, PoisonError};

use pyo3::exceptions::{PyOSError, PyRuntimeError};
use pyo3::prelude::*;
use pyo3_async_runtimes::TaskLocals;

use crate::error;
use pyo3_async_runtimes::generic::{ContextExt, Runtime as AsyncRuntime};
use tokio::runtime::{Builder, Handle, Runtime};
use tokio::task::JoinHandle;

/// Worker threads: async work here is CPU-bound engine calls and waiting on I/O, so a small
/// pool leaves the cores to the caller's own threads.
const WORKERS: usize = 2;

struct Built {
    pid: u32,
    runtime: &'static Runtime,
}

static RUNTIME: Mutex<Option<Built>> = Mutex::new(None);

/// The runtime for this process, built on first use and after a fork.
pub(crate) fn handle() -> PyResult<Handle> {
    let pid = std::process::id();
    let mut slot = RUNTIME.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(built) = slot.as_ref()
        && built.pid == pid
    {
        return Ok(built.runtime.handle().clone());
    }
    // A runtime inherited through fork has no threads in this process; it is left alone
    // (dropping it would wait for workers that do not exist) and a new one is built.
    let runtime = Builder::new_multi_thread()
        .worker_threads(WORKERS)
        .thread_name("career-copilot")
        .enable_all()
        .build()
        .map_err(|e| PyOSError::new_err(format!("could not start the async runtime: {e}")))?;
    let runtime: &'static Runtime = Box::leak(Box::new(runtime));
    *slot = Some(Built { pid, runtime });
    Ok(runtime.handle().clone())
}

/// The id of the process that built the current runtime (`None` before first use); for the
/// fork test. Not part of the API.
#[pyfunction]
pub(crate) fn _runtime_pid() -> Option<u32> {
    RUNTIME
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .as_ref()
        .map(|b| b.pid)
}

tokio::task_local! {
    static LOCALS: OnceLock<TaskLocals>;
}

/// pyo3-async-runtimes' view of [`handle`]'s runtime. It spawns in the current runtime
/// context: [`spawn_blocking_into_py`] enters it around `future_into_py`, whose later spawns
/// run on the runtime's own threads.
pub(crate) struct Tokio;

impl AsyncRuntime for Tokio {
    type JoinError = tokio::task::JoinError;
    type JoinHandle = JoinHandle<()>;

    fn spawn<F>(fut: F) -> Self::JoinHandle
    where
        F: Future<Output = ()> + Send + 'static,
    {
        tokio::spawn(fut)
    }

    fn spawn_blocking<F>(f: F) -> Self::JoinHandle
    where
        F: FnOnce() + Send + 'static,
    {
        tokio::task::spawn_blocking(f)
    }
}

impl ContextExt for Tokio {
    fn scope<F, R>(locals: TaskLocals, fut: F) -> Pin<Box<dyn Future<Output = R> + Send>>
    where
        F: Future<Output = R> + Send + 'static,
    {
        let cell = OnceLock::new();
        let _ = cell.set(locals);
        Box::pin(LOCALS.scope(cell, fut))
    }

    fn get_task_locals() -> Option<TaskLocals> {
        LOCALS.try_with(|c| c.get().cloned()).unwrap_or_default()
    }
}

/// Runs blocking engine work on the runtime's blocking pool and resolves an asyncio future
/// with `convert`'s Python value; must be called from a coroutine (a running event loop).
pub(crate) fn spawn_blocking_into_py<'py, T, W, C>(
    py: Python<'py>,
    work: W,
    convert: C,
) -> PyResult<Bound<'py, PyAny>>
where
    T: Send + 'static,
    W: FnOnce() -> Result<T, career_copilot::Error> + Send + 'static,
    C: for<'a> FnOnce(Python<'a>, T) -> PyResult<Bound<'a, PyAny>> + Send + 'static,
{
    let handle = handle()?;
    let _context = handle.enter();
    pyo3_async_runtimes::generic::future_into_py::<Tokio, _, _>(py, async move {
        let value = tokio::task::spawn_blocking(work)
            .await
            .map_err(|e| PyRuntimeError::new_err(format!("the engine task failed: {e}")))?;
        Python::attach(|py| match value {
            Ok(value) => convert(py, value).map(Bound::unbind),
            Err(e) => Err(error::to_py(py, &e)),
        })
    })
}
