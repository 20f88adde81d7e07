-- Exercises for iter.large-file-processing: streaming a file line by
-- line instead of loading it.
return {
  {
    id = "iter.large-file-processing.position",
    topic = "iter.large-file-processing",
    level = "intermediate",
    kind = "output",
    prompt = "`io.StringIO` behaves like an open text file. What does this program print?",
    code = [[
import io

log = io.StringIO("INFO start\nERROR disk\nINFO ok\nERROR net\n")


def lines(f):
    for line in f:
        yield line.rstrip("\n")


print(sum(1 for line in lines(log) if line.startswith("ERROR")))
print(sum(1 for line in lines(log)))
log.seek(0)
print(next(lines(log)))]],
    expected = "2\n0\nINFO start",
    hints = {
      "Each call of lines() makes a new generator. Does it also rewind the file?",
      "The file object keeps one read position; the first count left it at the end.",
      "seek(0) rewinds, so a new generator starts from the first line again.",
    },
    why = "A new generator over the same file does not rewind it: the file is the single-pass iterator.",
    wrong = { "2\n4\nINFO start", "2\n0\nERROR disk", "2\n2\nINFO start" },
  },
  {
    id = "iter.large-file-processing.readlines",
    topic = "iter.large-file-processing",
    level = "beginner",
    kind = "bug",
    prompt = "On a 20 GB log and a machine with 4 GB of RAM this function is killed for running out of memory. Which line is the problem?",
    code = [[
def count_errors(path):
    count = 0
    with open(path, encoding="utf-8") as f:
        for line in f.readlines():
            if line.startswith("ERROR"):
                count += 1
    return count]],
    buggy = 4,
    hints = {
      "Which call reads more than one line at a time?",
      "readlines() builds a list of every line before the loop starts.",
      "Iterate over the file itself: for line in f:",
    },
    solution = "Line 4: f.readlines() loads every line into one list (several times the file size in string objects). Iterate over the file object directly, for line in f:, which reads one line at a time.",
    why = "Spotting readlines(), read() or list(f) on big inputs is the first thing a reviewer checks.",
    wrong = { "3", "5", "6" },
  },
  {
    id = "iter.large-file-processing.count",
    topic = "iter.large-file-processing",
    level = "intermediate",
    kind = "choice",
    prompt = "Inside `with open(path) as f:`, which expression counts the lines containing `\"ERROR\"` in a 20 GB file while holding about one line in memory?",
    options = {
      { text = "sum(1 for line in f if \"ERROR\" in line)", correct = true,
        why = "The generator expression reads one line at a time and adds 1 per match; nothing is stored." },
      { text = "len([line for line in f if \"ERROR\" in line])", why = "Builds a list of every matching line, which can itself be gigabytes." },
      { text = "f.read().count(\"ERROR\")", why = "read() loads the whole file into one string, and it counts occurrences, not lines." },
      { text = "len(list(filter(lambda l: \"ERROR\" in l, f.readlines())))", why = "readlines() loads every line first." },
    },
    hints = {
      "Which options build a list or a string first?",
      "sum over a generator expression adds numbers without keeping the items.",
    },
    solution = "sum(1 for line in f if \"ERROR\" in line)",
    why = "sum(1 for ... if ...) is the idiomatic streaming count.",
  },
}
