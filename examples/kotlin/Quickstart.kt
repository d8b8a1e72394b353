// Career Copilot from Kotlin (Android or the JVM), through the uniffi-generated bindings.
//
// Generate the bindings and build the library (see bindings-mobile/README.md), then:
//     kotlinc Quickstart.kt career_copilot_mobile.kt -cp jna.jar -d classes
//     java -Djna.library.path=target/debug -cp classes:jna.jar:kotlin-stdlib.jar QuickstartKt resume.pdf
import java.io.File
import kotlin.system.exitProcess
import uniffi.career_copilot_mobile.CopilotException
import uniffi.career_copilot_mobile.parseResume

fun main(args: Array<String>) {
    val file = File(args.firstOrNull() ?: run {
        System.err.println("usage: QuickstartKt RESUME")
        exitProcess(2)
    })
    try {
        val parsed = parseResume(file.readBytes(), file.name)
        // The profile is JSON Resume text: decode it with the JSON library the app already uses
        // (kotlinx.serialization, Moshi, org.json on Android).
        println("read as ${parsed.format}, ${parsed.layout.pages} page(s)")
        println(parsed.profileJson)
        parsed.warnings.forEach { println("warning [${it.code}]: ${it.message}") }
    } catch (e: CopilotException.NoTextLayer) {
        System.err.println("scanned PDF, run OCR first: ${e.message}")
        exitProcess(1)
    } catch (e: CopilotException) {
        // One subclass per actionable case: InvalidInput, Unsupported, LimitExceeded, Corrupt, ...
        System.err.println("cannot read ${file.name}: ${e::class.simpleName}: ${e.message}")
        exitProcess(1)
    }
}
