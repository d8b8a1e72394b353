"""The ingest binding: arguments, results, errors and threads. The parsing itself is proven by
the Rust tests; these check that the binding carries it across faithfully."""

import io
import json
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import career_copilot
from career_copilot import (
    CareerCopilotError,
    CorruptDocumentError,
    InvalidInputError,
    LimitExceededError,
    UnsupportedFormatError,
)

RESUME = b"""Jane Doe
jane@example.com | +1 415 555 0100

Experience
Senior Engineer, Acme Corp   Jan 2020 - Present
- Built a Rust service handling 10k requests per second

Skills
Languages: Rust, Python, SQL
"""

JOB = b"""Senior Rust Engineer
Requirements:
- 5+ years of Rust
- Experience with PostgreSQL
"""


# Arguments -----------------------------------------------------------------------------------


def test_bytes_give_a_plain_dict():
    parsed = career_copilot.parse_resume(RESUME)
    assert set(parsed) >= {"value", "warnings", "format", "layout"}
    assert parsed["value"]["basics"]["name"] == "Jane Doe"
    assert parsed["value"]["basics"]["email"] == "jane@example.com"
    assert parsed["format"] == "text"
    assert isinstance(parsed["warnings"], list)
    assert isinstance(parsed["layout"]["pages"], int)
    json.dumps(parsed)  # plain data all the way down


def test_bytearray_and_memoryview_are_content():
    expected = career_copilot.parse_resume(RESUME)
    assert career_copilot.parse_resume(bytearray(RESUME)) == expected
    assert career_copilot.parse_resume(memoryview(RESUME)) == expected


def test_str_and_pathlike_are_paths(tmp_path: Path):
    path = tmp_path / "resume.md"
    path.write_bytes(b"# Jane Doe\n\njane@example.com\n\n## Experience\n\n- Engineer at Acme, 2020 - 2022\n")
    by_path = career_copilot.parse_resume(path)
    assert career_copilot.parse_resume(str(path)) == by_path
    # The path's name is the file-name hint: `.md` makes this Markdown, not plain text.
    assert by_path["format"] == "markdown"
    assert by_path["value"]["basics"]["name"] == "Jane Doe"


def test_format_forces_the_reader(tmp_path: Path):
    path = tmp_path / "resume.md"
    path.write_bytes(b"# Jane Doe\n\njane@example.com\n")
    assert career_copilot.parse_resume(path, format="text")["format"] == "text"


def test_keyword_only_options():
    with pytest.raises(TypeError):
        career_copilot.parse_resume(RESUME, "resume.txt")  # type: ignore[misc]


def test_wrong_data_type_is_a_type_error():
    with pytest.raises(TypeError, match="bytes-like content or a str/os.PathLike path"):
        career_copilot.parse_resume(42)  # type: ignore[arg-type]


def test_missing_path_is_file_not_found(tmp_path: Path):
    with pytest.raises(FileNotFoundError):
        career_copilot.parse_resume(tmp_path / "nope.pdf")


def test_parse_job():
    parsed = career_copilot.parse_job(JOB)
    job = parsed["value"]
    assert job["title"] == "Senior Rust Engineer"
    assert job["years_min"] == 5.0
    assert parsed["format"] == "text"


# Errors --------------------------------------------------------------------------------------


def test_unknown_format_name_is_invalid_input():
    with pytest.raises(InvalidInputError) as err:
        career_copilot.parse_resume(RESUME, format="nope")
    assert err.value.code == "invalid_input"
    assert "nope" in str(err.value)
    assert isinstance(err.value, ValueError)
    assert isinstance(err.value, CareerCopilotError)


def test_json_that_is_not_a_resume_is_invalid_input():
    with pytest.raises(InvalidInputError, match="JSON Resume"):
        career_copilot.parse_resume(b'{"hello": "world"}')


def test_limit_exceeded():
    with pytest.raises(LimitExceededError) as err:
        career_copilot.parse_resume(RESUME, limits={"max_input_bytes": 10})
    assert err.value.code == "limit_exceeded"
    assert "input bytes" in err.value.message
    assert isinstance(err.value, ValueError)


def test_unknown_limit_type_is_invalid_input():
    with pytest.raises(InvalidInputError):
        career_copilot.parse_resume(RESUME, limits={"max_input_bytes": "lots"})


def test_other_zip_is_unsupported():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "not a resume")
    with pytest.raises(UnsupportedFormatError) as err:
        career_copilot.parse_resume(buffer.getvalue())
    assert err.value.code == "unsupported_format"


def test_truncated_pdf_is_corrupt():
    with pytest.raises(CorruptDocumentError) as err:
        career_copilot.parse_resume(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    assert err.value.code == "corrupt"
    assert "pdf" in str(err.value).lower()


def test_hierarchy():
    errors = career_copilot.errors
    for cls in (
        errors.InvalidInputError,
        errors.UnsupportedFormatError,
        errors.LimitExceededError,
        errors.CorruptDocumentError,
        errors.EncryptedDocumentError,
        errors.NoTextLayerError,
    ):
        assert issubclass(cls, CareerCopilotError) and issubclass(cls, ValueError), cls
    assert issubclass(errors.NotFoundError, LookupError)
    assert issubclass(errors.StorageError, OSError)
    assert issubclass(errors.ProviderError, CareerCopilotError)
    assert len({cls.code for cls in map(errors.__dict__.get, errors.__all__)}) == len(errors.__all__)


# Real documents ------------------------------------------------------------------------------


def test_rendercv_yaml(data: Path):
    parsed = career_copilot.parse_resume(data / "resumes/rendercv/John_Doe_ClassicTheme_CV.yaml")
    profile = parsed["value"]
    assert parsed["format"] == "render_cv_yaml"
    assert profile["basics"]["name"] == "John Doe"
    assert profile["basics"]["email"] == "john.doe@email.com"
    assert any(e["institution"] == "Princeton University" for e in profile["education"])


def test_pdf_resume(data: Path):
    parsed = career_copilot.parse_resume(data / "resumes/rendercv/John_Doe_ClassicTheme_CV.pdf")
    profile = parsed["value"]
    assert parsed["format"] == "pdf"
    assert parsed["layout"]["pages"] >= 1
    assert profile["basics"]["name"] == "John Doe"
    assert profile["basics"]["email"] == "john.doe@email.com"
    assert profile.get("work"), "expected work entries"


def test_docx_resume(data: Path):
    parsed = career_copilot.parse_resume(data / "resumes/pandoc-resume/johnny_coder_sample.docx")
    assert parsed["format"] == "docx"
    assert parsed["value"]["basics"]["name"] == "Johnny Coder"


def test_remoteok_job(data: Path):
    postings = json.loads((data / "jobs/remoteok-sample/remoteok.json").read_text(encoding="utf-8"))
    posting = postings[1]
    parsed = career_copilot.parse_job(json.dumps(posting).encode())
    assert parsed["value"]["title"] == posting["position"]
    assert parsed["value"]["company"] == posting["company"]


# Threads -------------------------------------------------------------------------------------


def test_threads_parse_in_parallel(data: Path):
    # The GIL is released while parsing; results must not depend on which thread ran them.
    content = (data / "resumes/rendercv/John_Doe_ClassicTheme_CV.yaml").read_bytes()
    inputs = [content, RESUME] * 8
    expected = [career_copilot.parse_resume(item) for item in inputs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(career_copilot.parse_resume, inputs))
    assert results == expected


def test_every_core_code_has_its_class():
    # The core's stable codes (career_copilot::Error::code); a new one gets a class here.
    for code in (
        "invalid_input",
        "unsupported_format",
        "limit_exceeded",
        "corrupt",
        "encrypted",
        "no_text_layer",
        "provider",
        "not_found",
        "storage",
    ):
        exc = career_copilot.errors._from_core(code, "message")
        assert type(exc) is not CareerCopilotError and exc.code == code, code
    unknown = career_copilot.errors._from_core("something_new", "message")
    assert type(unknown) is CareerCopilotError and unknown.code == "something_new"
