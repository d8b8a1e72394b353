# Type stubs for the native module. tests/test_stubs.py checks they name exactly what the
# module exports.
from typing import Any, Dict, Optional

__version__: str

def parse_resume(data: bytes, hint: Optional[Dict[str, Any]] = None) -> Dict[str, Any]: ...
def parse_job(data: bytes, hint: Optional[Dict[str, Any]] = None) -> Dict[str, Any]: ...
