// ats, matching, skills and model on the JVM through the uniffi-generated Kotlin, and the shared
// ATS vectors compared to the last digit. Run by scripts/ci/kotlin.sh:
// `java -Djna.library.path=... AtsTestKt REPO_ROOT`.
import java.io.File
import kotlin.system.exitProcess
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import uniffi.career_copilot_mobile.*

private fun check(condition: Boolean, what: () -> String) {
    if (!condition) throw AssertionError(what())
}

private fun iso(date: Map<String, Any?>): String {
    val year = (date["year"] as JsonNumber).text.padStart(4, '0')
    val month = date["month"] as JsonNumber?
    return if (month == null) year else "$year-${month.text.padStart(2, '0')}"
}

/** The shared vectors: each case scored through the FFI gives the pinned numbers exactly. */
private fun vectorTests(root: File): Map<String, () -> Unit> {
    val files = File(root, "tests/vectors").listFiles { f -> f.name.endsWith(".json") }!!.sortedBy { it.name }
    check(files.size >= 5) { "the vectors are missing" }
    return files.associate { file ->
        "vector ${file.nameWithoutExtension}" to {
            val v = parseJson(file.readText()).obj()
            val cfg = v["config"].obj()
            var weights: ScoreWeights? = null
            cfg["weights"]?.obj()?.let { w ->
                val d = defaultScoreWeights()
                fun f(k: String, default: Double) = (w[k] as JsonNumber?)?.toDouble() ?: default
                weights = d.copy(
                    requiredSkills = f("required_skills", d.requiredSkills), preferredSkills = f("preferred_skills", d.preferredSkills),
                    title = f("title", d.title), experience = f("experience", d.experience), education = f("education", d.education),
                    keywords = f("keywords", d.keywords), sections = f("sections", d.sections), contact = f("contact", d.contact),
                    parsability = f("parsability", d.parsability), bullets = f("bullets", d.bullets),
                )
            }
            val config = ScoreConfig(
                asOf = cfg["as_of"]?.obj()?.let(::iso),
                weights = weights,
                relatedCredit = (cfg["related_credit"] as JsonNumber?)?.toDouble(),
            )
            val report = score(toJson(v["profile"]), toJson(v["job"]), config)
            val expected = v["expected"].obj()
            fun same(what: String, got: Double, want: Any?) =
                check(got == (want as JsonNumber).toDouble()) { "$what: got $got, want $want" }
            same("score", report.score, expected["score"])
            same("experience_years", report.experienceYears, expected["experience_years"])
            val breakdown = expected["breakdown"].list()
            check(report.breakdown.size == breakdown.size) { "breakdown size ${report.breakdown.size}" }
            report.breakdown.zip(breakdown).forEach { (c, e) ->
                val want = e.obj()
                check(c.name == want["name"]) { "component ${c.name} vs ${want["name"]}" }
                same("${c.name}.weight", c.weight, want["weight"])
                same("${c.name}.value", c.value, want["value"])
                same("${c.name}.points", c.points, want["points"])
            }
            val matched = expected["matched"].list()
            check(report.matched.size == matched.size) { "matched ${report.matched.map { it.skill }}" }
            report.matched.zip(matched).forEach { (m, e) ->
                val want = e.obj()
                check(m.skill == want["skill"] && m.required == want["required"] &&
                    m.credit.name.lowercase() == want["credit"] && m.evidence == want["evidence"]) { "matched $m vs $want" }
            }
            val missing = expected["missing"].list()
            check(report.missing.map { it.skill to it.required } == missing.map { it.obj()["skill"] to it.obj()["required"] }) {
                "missing ${report.missing}"
            }
        }
    }
}

private fun apiTests(root: File): Map<String, () -> Unit> {
    val strong = parseJson(File(root, "tests/vectors/strong_backend_match.json").readText()).obj()
    val profile = toJson(strong["profile"])
    val job = toJson(strong["job"])
    val jobs = listOf(
        """{"id":"acct","title":"Accountant","description":"Prepare ledgers and tax returns.","required_skills":[{"name":"Excel"}]}""",
        """{"id":"rust","title":"Senior Rust Engineer","description":"Rust services on Kubernetes.","required_skills":[{"name":"Rust"},{"name":"Kubernetes"}],"workplace_type":"remote","seniority":"senior"}""",
    )
    return linkedMapOf(
        "score: records, defaults, weights" to {
            val report = score(profile, job, ScoreConfig(asOf = "2024-06"))
            check(report.matched.any { it.credit == Credit.ALIAS || it.credit == Credit.EXACT }) { "${report.matched}" }
            check(score(profile, job).score == score(profile, job, null, null).score) { "defaults differ" }
            val heavyTitle = defaultScoreWeights().copy(title = 60.0)
            check(score(profile, job, ScoreConfig(asOf = "2024-06", weights = heavyTitle)).score != report.score) { "weights ignored" }
        },
        "score: bad date is InvalidInput" to {
            try {
                score(profile, job, ScoreConfig(asOf = "June"))
                throw AssertionError("nothing thrown")
            } catch (e: CopilotException.InvalidInput) {
                check(e.message!!.contains("as_of")) { e.message!! }
            }
        },
        "optimize" to {
            val out = optimize(profile, job, defaultOptimizeOptions().copy(maxBullets = 2u, minBulletsPerRole = 1u))
            check(out.changes.any { it.kind == "trim-bullet" }) { "${out.changes}" }
        },
        "JobIndex: rank and search" to {
            val index = JobIndex(jobs)
            check(index.len() == 2uL) { "len ${index.len()}" }
            val ranked = index.rank(profile, MatchPrefs(remote = true), 1u)
            check(ranked.size == 1 && ranked[0].id == "rust") { "$ranked" }
            val hits = index.search("", SearchFilters(seniority = Seniority.SENIOR))
            check(hits.map { it.id } == listOf("rust")) { "$hits" }
            check(index.jobJson(0uL)!!.contains("\"Accountant\"")) { "job 0" }
            index.close()
        },
        "JobIndex.rankAsync: suspend calls, many at once, equal to rank" to {
            val index = JobIndex(jobs)
            val expected = index.rank(profile, MatchPrefs(remote = true), null)
            val all = runBlocking {
                (1..16).map { async(Dispatchers.Default) { index.rankAsync(profile, MatchPrefs(remote = true), null) } }.awaitAll()
            }
            check(all.all { it == expected }) { "$all vs $expected" }
            val error = runBlocking {
                try { index.rankAsync("not json", null, null); null } catch (e: CopilotException.InvalidInput) { e }
            }
            check(error != null && error.message!!.contains("profile")) { "no InvalidInput: $error" }
            index.close()
        },
        "insights, skills, merge" to {
            val market = insights(jobs, profile, 5u)
            check(market.gaps.any { it.skill == "Excel" }) { "${market.gaps}" }
            check(skillLookup("k8s")?.name == "Kubernetes") { "k8s" }
            check(skillAutocomplete("kube", 3u).first().name == "Kubernetes") { "autocomplete" }
            val merged = mergeProfiles("""{"basics":{"email":"a@example.com"}}""", """{"basics":{"email":"b@example.com"}}""")
            check(merged.conflicts.single().path == "basics.email") { "${merged.conflicts}" }
        },
    )
}

fun main(args: Array<String>) {
    val root = File(args.getOrElse(0) { "." })
    val tests = LinkedHashMap<String, () -> Unit>()
    tests.putAll(vectorTests(root))
    tests.putAll(apiTests(root))
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
    println("kotlin ats: ${tests.size - failed} passed, $failed failed")
    exitProcess(if (failed == 0) 0 else 1)
}
