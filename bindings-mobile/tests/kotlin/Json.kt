// A small JSON reader and writer for the tests (the JVM has none built in, and the tests run
// with the Kotlin stdlib and JNA only). Numbers keep their literal text, so the shared vectors'
// expected values are compared exactly.

class JsonNumber(val text: String) {
    fun toDouble(): Double = text.toDouble()
    override fun toString() = text
}

class JsonReader(private val s: String) {
    private var i = 0

    fun read(): Any? {
        val v = value()
        ws()
        require(i == s.length) { "trailing text at $i" }
        return v
    }

    private fun ws() { while (i < s.length && s[i].isWhitespace()) i++ }

    private fun value(): Any? {
        ws()
        return when (val c = s[i]) {
            '{' -> obj()
            '[' -> arr()
            '"' -> str()
            't' -> { expect("true"); true }
            'f' -> { expect("false"); false }
            'n' -> { expect("null"); null }
            else -> if (c == '-' || c.isDigit()) num() else error("unexpected '$c' at $i")
        }
    }

    private fun expect(word: String) {
        require(s.startsWith(word, i)) { "expected $word at $i" }
        i += word.length
    }

    private fun obj(): Map<String, Any?> {
        val out = LinkedHashMap<String, Any?>()
        i++
        ws()
        if (s[i] == '}') { i++; return out }
        while (true) {
            ws()
            val key = str()
            ws(); expect(":")
            out[key] = value()
            ws()
            if (s[i] == ',') { i++; continue }
            expect("}")
            return out
        }
    }

    private fun arr(): List<Any?> {
        val out = ArrayList<Any?>()
        i++
        ws()
        if (s[i] == ']') { i++; return out }
        while (true) {
            out.add(value())
            ws()
            if (s[i] == ',') { i++; continue }
            expect("]")
            return out
        }
    }

    private fun str(): String {
        expect("\"")
        val b = StringBuilder()
        while (true) {
            val c = s[i++]
            when (c) {
                '"' -> return b.toString()
                '\\' -> when (val e = s[i++]) {
                    'n' -> b.append('\n'); 't' -> b.append('\t'); 'r' -> b.append('\r')
                    'b' -> b.append('\b'); 'f' -> b.append('\u000c')
                    'u' -> { b.append(s.substring(i, i + 4).toInt(16).toChar()); i += 4 }
                    else -> b.append(e)
                }
                else -> b.append(c)
            }
        }
    }

    private fun num(): JsonNumber {
        val start = i
        while (i < s.length && (s[i].isDigit() || s[i] in "+-.eE")) i++
        return JsonNumber(s.substring(start, i))
    }
}

fun parseJson(text: String): Any? = JsonReader(text).read()

fun toJson(v: Any?): String = when (v) {
    null -> "null"
    is Boolean -> v.toString()
    is JsonNumber -> v.text
    is Number -> v.toString()
    is String -> buildString {
        append('"')
        for (c in v) when {
            c == '"' -> append("\\\"")
            c == '\\' -> append("\\\\")
            c == '\n' -> append("\\n")
            c < ' ' -> append("\\u%04x".format(c.code))
            else -> append(c)
        }
        append('"')
    }
    is Map<*, *> -> v.entries.joinToString(",", "{", "}") { toJson(it.key as String) + ":" + toJson(it.value) }
    is List<*> -> v.joinToString(",", "[", "]") { toJson(it) }
    else -> error("cannot write ${v::class}")
}

@Suppress("UNCHECKED_CAST")
fun Any?.obj(): Map<String, Any?> = this as Map<String, Any?>

@Suppress("UNCHECKED_CAST")
fun Any?.list(): List<Any?> = this as List<Any?>
