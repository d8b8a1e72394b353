"""The uniffi scaffolding through its generated Python module: the same FFI surface that Kotlin
and Swift use (Swift cannot be compiled here), tested from a second language."""

import io
import json
import zipfile
from pathlib import Path

import pytest

import career_copilot_mobile as mobile

RESUME = b"Jane Doe\njane@example.com\n\nExperience\nEngineer, Acme Corp   Jan 2020 - Present\n"


def test_text_resume():
    parsed = mobile.parse_resume(RESUME, "resume.txt")
    assert parsed.format == mobile.DocumentFormat.TEXT
    assert json.loads(parsed.profile_json)["basics"]["name"] == "Jane Doe"
    assert isinstance(parsed.warnings, list)
    assert parsed.layout.pages >= 1


def test_file_name_defaults_to_none():
    assert mobile.parse_resume(RESUME) == mobile.parse_resume(RESUME, None)


def test_job():
    parsed = mobile.parse_job(b"Senior Rust Engineer\nRequirements:\n- 5+ years of Rust\n")
    assert json.loads(parsed.job_json)["title"] == "Senior Rust Engineer"


def test_invalid_input():
    with pytest.raises(mobile.CopilotError.InvalidInput, match="JSON Resume"):
        mobile.parse_resume(b'{"hello": "world"}')


def test_unsupported_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hi")
    with pytest.raises(mobile.CopilotError.Unsupported):
        mobile.parse_resume(buffer.getvalue())


def test_pdf_resume(data: Path):
    pdf = data / "resumes/rendercv/John_Doe_ClassicTheme_CV.pdf"
    parsed = mobile.parse_resume(pdf.read_bytes(), pdf.name)
    assert parsed.format == mobile.DocumentFormat.PDF
    profile = json.loads(parsed.profile_json)
    assert profile["basics"]["name"] == "John Doe"
    assert profile["basics"]["email"] == "john.doe@email.com"
