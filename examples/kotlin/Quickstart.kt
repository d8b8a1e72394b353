// Career Copilot from Kotlin (Android or the JVM), through the uniffi-generated bindings:
// parse a resume, score it against a job, tailor it, rank jobs.
//
// Generate the bindings and build the library (see bindings-mobile/README.md), then:
//     kotlinc Quickstart.kt career_copilot_mobile.kt -cp jna.jar -d classes
//     java -Djna.library.path=target/debug -cp classes:jna.jar:kotlin-stdlib.jar QuickstartKt resume.pdf [job.txt]
import java.io.File
import kotlin.system.exitProcess
import uniffi.career_copilot_mobile.CopilotException
import uniffi.career_copilot_mobile.JobIndex
import uniffi.career_copilot_mobile.MatchPrefs
import uniffi.career_copilot_mobile.ScoreConfig
import uniffi.career_copilot_mobile.optimize
import uniffi.career_copilot_mobile.parseJob
import uniffi.career_copilot_mobile.parseResume
import uniffi.career_copilot_mobile.score
import uniffi.career_copilot_mobile.skillLookup

fun main(args: Array<String>) {
    val file = File(args.firstOrNull() ?: run {
        System.err.println("usage: QuickstartKt RESUME [JOB]")
        exitProcess(2)
    })
    try {
        val parsed = parseResume(file.readBytes(), file.name)
        // The profile is JSON Resume text: decode it with the JSON library the app already uses
        // (kotlinx.serialization, Moshi, org.json on Android).
        println("read as ${parsed.format}, ${parsed.layout.pages} page(s)")
        println(parsed.profileJson)
        parsed.warnings.forEach { println("warning [${it.code}]: ${it.message}") }

        val posting = args.getOrNull(1)?.let { File(it).readBytes() }
            ?: "Senior Python Developer\nRequirements:\n- 5+ years of Python and SQL\n- Experience with AWS\n".toByteArray()
        val job = parseJob(posting).jobJson

        // The explainable ATS score: typed records, every point with evidence.
        val report = score(parsed.profileJson, job, ScoreConfig(asOf = "2024-06"), parsed.layout)
        println("ATS score ${report.score}/100")
        report.breakdown.forEach { println("  ${it.name}: ${it.points} points") }
        report.matched.forEach { println("  has ${it.skill} (${it.credit}) at ${it.evidence}") }
        report.missing.forEach { println("  missing ${it.skill}${if (it.required) " (required)" else ""}") }
        report.suggestions.take(3).forEach { println("  suggestion: ${it.message}") }

        // Tailoring reorders and trims; it never adds a fact.
        println("tailored: ${optimize(parsed.profileJson, job).changes.size} changes")

        // Many jobs: index once (an object; close it or let it be collected), rank and search.
        JobIndex(listOf(job)).use { index ->
            index.rank(parsed.profileJson, MatchPrefs(remote = true), 10u).forEach { println("  rank: job ${it.index} ${it.score}") }
        }
        println("\"k8s\" is ${skillLookup("k8s")?.name}")
    } catch (e: CopilotException.NoTextLayer) {
        System.err.println("scanned PDF, run OCR first: ${e.message}")
        exitProcess(1)
    } catch (e: CopilotException) {
        // One subclass per actionable case: InvalidInput, Unsupported, LimitExceeded, Corrupt, ...
        System.err.println("cannot read ${file.name}: ${e::class.simpleName}: ${e.message}")
        exitProcess(1)
    }
}
