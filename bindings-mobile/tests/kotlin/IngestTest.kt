// The ingest binding on the JVM, through the Kotlin code uniffi generates (the same code an
// Android app uses). Run by scripts/test.sh: `java -Djna.library.path=... IngestTestKt DATA_DIR`.
import java.io.ByteArrayOutputStream
import java.io.File
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream
import kotlin.system.exitProcess
import uniffi.career_copilot_mobile.CopilotException
import uniffi.career_copilot_mobile.DocumentFormat
import uniffi.career_copilot_mobile.parseJob
import uniffi.career_copilot_mobile.parseResume
import uniffi.career_copilot_mobile.version

private val RESUME = """
    Jane Doe
    jane@example.com | +1 415 555 0100

    Experience
    Senior Engineer, Acme Corp   Jan 2020 - Present
    - Built a Rust service handling 10k requests per second
""".trimIndent().toByteArray()

private fun expect(condition: Boolean, what: () -> String) {
    if (!condition) throw AssertionError(what())
}

/** A JSON string field as serde_json writes it (compact, no spaces). */
private fun field(name: String, value: String) = "\"$name\":\"$value\""

private inline fun <reified E : CopilotException> throws(block: () -> Unit): E {
    try {
        block()
    } catch (e: CopilotException) {
        expect(e is E) { "expected ${E::class.simpleName}, got ${e::class.simpleName}: ${e.message}" }
        expect(!e.message.isNullOrBlank()) { "the error has no message" }
        return e as E
    }
    throw AssertionError("expected ${E::class.simpleName}, nothing was thrown")
}

fun main(args: Array<String>) {
    val data = File(args.getOrElse(0) { "../shared/data" })
    val tests = linkedMapOf<String, () -> Unit>(
        "text resume: typed parts and JSON" to {
            val parsed = parseResume(RESUME, "resume.txt")
            expect(parsed.format == DocumentFormat.TEXT) { "format ${parsed.format}" }
            expect(parsed.profileJson.contains(field("name", "Jane Doe"))) { parsed.profileJson }
            expect(parsed.profileJson.contains(field("email", "jane@example.com"))) { parsed.profileJson }
            expect(parsed.layout.pages >= 1u) { "pages ${parsed.layout.pages}" }
        },
        "file name is optional" to {
            expect(parseResume(RESUME).profileJson == parseResume(RESUME, null).profileJson) { "differs" }
        },
        "job posting" to {
            val parsed = parseJob("Senior Rust Engineer\nRequirements:\n- 5+ years of Rust\n".toByteArray())
            expect(parsed.jobJson.contains(field("title", "Senior Rust Engineer"))) { parsed.jobJson }
        },
        "JSON that is not a resume is InvalidInput" to {
            val e = throws<CopilotException.InvalidInput> { parseResume("{\"hello\": \"world\"}".toByteArray()) }
            expect(e.message!!.contains("JSON Resume")) { e.message!! }
        },
        "other ZIP is Unsupported" to {
            val zip = ByteArrayOutputStream().also { out ->
                ZipOutputStream(out).use { it.putNextEntry(ZipEntry("notes.txt")); it.write("hi".toByteArray()) }
            }.toByteArray()
            throws<CopilotException.Unsupported> { parseResume(zip) }
        },
        "truncated PDF is Corrupt" to {
            throws<CopilotException.Corrupt> { parseResume("%PDF-1.7\n1 0 obj\n<< /Type /Catalog".toByteArray()) }
        },
        "PDF resume from ../shared/data" to {
            val pdf = File(data, "resumes/rendercv/John_Doe_ClassicTheme_CV.pdf")
            if (!pdf.exists()) {
                println("  (skipped: $pdf is absent)")
            } else {
                val parsed = parseResume(pdf.readBytes(), pdf.name)
                expect(parsed.format == DocumentFormat.PDF) { "format ${parsed.format}" }
                expect(parsed.profileJson.contains(field("name", "John Doe"))) { parsed.profileJson.take(400) }
                expect(parsed.profileJson.contains(field("email", "john.doe@email.com"))) { parsed.profileJson.take(400) }
            }
        },
        "version" to { expect(version().count { it == '.' } == 2) { version() } },
    )
    var failed = 0
    for ((name, body) in tests) {
        try {
            body()
            println("ok - $name")
        } catch (e: Throwable) {
            failed++
            println("FAILED - $name: $e")
        }
    }
    println("kotlin: ${tests.size - failed} passed, $failed failed")
    exitProcess(if (failed == 0) 0 else 1)
}
