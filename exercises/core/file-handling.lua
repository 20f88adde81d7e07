-- Exercises for core.file-handling: with open(), modes, lines, JSON.
return {
  {
    id = "core.file-handling.explain",
    topic = "core.file-handling",
    level = "intermediate",
    kind = "explain",
    prompt = "\"How do you read and write a text file safely in Python? What do the modes \"r\", \"w\" and \"a\" do, and how would you read a 10 GB log file?\"",
    hints = {
      "What guarantees that the file is closed even when an exception happens halfway?",
      "Use open() in a with block; w and a differ in what happens to the existing content.",
      "w truncates, a appends; iterate over the file object to stream line by line instead of read() into memory.",
    },
    solution = "Open files in a with block, with open(path, \"w\", encoding=\"utf-8\") as f:, so the file is closed even if the body raises. \"r\" reads and is the default, \"w\" creates the file or truncates it to empty before writing, and \"a\" appends to the end; adding \"b\" switches to bytes. For a huge file, never call read(): iterate for line in f, which streams one line at a time, each with its newline, hence line.rstrip(\"\\n\"). Name the encoding explicitly, and use json.dump/json.load for structured data.",
    why = "File I/O is everywhere; the questions check resource safety and whether you know w destroys data.",
    rubric = {
      concepts = {
        { label = "open in a with block so the file is always closed", weight = 2,
          match = { [[\bwith open\b]], [[\bwith (?:statement|block|clause)\b]], [[\bcontext managers?\b]],
                    [[\bclos(?:e|es|ed|ing)\b[^.;]{0,40}\b(?:automatically|for you|even|always|exception|error)\b]],
                    [[\bautomatically clos\w*]] } },
        { label = "modes: w truncates (overwrites), a appends, r reads", weight = 2,
          match = { [[\btruncat\w*]], [[\boverwrit\w*]], [[\berases?\b]], [[\bwipes?\b]], [[\bempties\b]], [[\bappend\w*]],
                    [[\badds? to the end\b]], [[\breplaces? (?:the |its )?(?:content|contents)\b]] } },
        { label = "large files: iterate line by line instead of read()", weight = 1.5,
          match = { [[\bline by line\b]], [[\bfor line in\b]], [[\bstream\w*]], [[\biterat\w*]], [[\bone line at a time\b]],
                    [[\bchunks?\b]], [[\bnot (?:call )?read\(\)]] } },
        { label = "encoding, binary mode, json", weight = 0.5,
          match = { [[\bencoding\b]], [[\butf-?8\b]], [[\bbinary\b]], [[\brb\b]], [[\bjson\b]], [[\bnewlines?\b]], [[\bstrip\b]] } },
      },
      red_flags = {
        { label = "\"w\" truncates the file; it does not append", penalty = 0.6,
          match = { [[\bw\b\W{0,3}(?:mode\W+)?(?:appends?|adds? to the end|keeps? the (?:old |existing )?content)\b]] } },
        { label = "read() loads the whole file into memory: not for a 10 GB file", penalty = 0.6,
          match = { [[\b(?:use|call|with) (?:f\.)?read\(\) (?:for|on) (?:the |a )?(?:big|huge|large|10 ?gb)\b]],
                    [[\breadlines\(\) (?:is|for) (?:fine|best|good)\b]] } },
      },
    },
    samples = {
      good = {
        "Use with open(path) as f so the file is closed automatically, even on an exception. \"r\" reads, \"w\" truncates the file and writes, \"a\" appends to the end. For a 10 GB log, iterate for line in f to stream it line by line instead of read().",
        "I'd use a with block, because then Python closes the file for me even if something goes wrong. Opening with w wipes what was there, while a adds to the end. A huge file I'd go through one line at a time so it never sits in memory all at once.",
        "The safe pattern is with open(p, 'w', encoding='utf-8') as f, a context manager. Mode w overwrites the file and a appends to it. For big files I loop with for line in f, which streams the file.",
      },
      bad = {
        "Just call f.read() for the big file and f.close() at the end; \"w\" appends to the file and \"a\" overwrites it.",
        "with, open, close, r, w, a, read, lines.",
        "A with block does not close the file, w does not truncate, and you should not iterate line by line.",
      },
    },
  },
  {
    id = "core.file-handling.modes",
    topic = "core.file-handling",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print? (It runs in an empty directory.)",
    code = [[
with open("log.txt", "w") as f:
    f.write("first\n")
with open("log.txt", "a") as f:
    f.write("second\n")
with open("log.txt", "w") as f:
    f.write("third\n")
    f.write("fourth\n")
with open("log.txt") as f:
    lines = [line for line in f]
print(lines)
print(f.closed, len(lines[0]))]],
    expected = "['third\\n', 'fourth\\n']\nTrue 6",
    hints = {
      "What does opening an existing file with \"w\" do to its contents?",
      "\"w\" truncates; \"a\" appends; each line read from a file keeps its newline.",
      "Only the last \"w\" block's two lines survive; after the with block the file is closed.",
    },
    why = "Losing data to \"w\" and forgetting the trailing newline are the two classic file bugs.",
    wrong = { "['first\\n', 'second\\n', 'third\\n', 'fourth\\n']\nTrue 6",
              "['third', 'fourth']\nTrue 5",
              "['third\\n', 'fourth\\n']\nFalse 6" },
  },
  {
    id = "core.file-handling.json",
    topic = "core.file-handling",
    level = "intermediate",
    kind = "parsons",
    prompt = "Arrange the lines into two helpers that save a dict to a JSON file and load it back. Two lines do not belong.",
    lines = {
      "import json",
      "def save(path, data):",
      "    with open(path, \"w\", encoding=\"utf-8\") as f:",
      "        json.dump(data, f, indent=2)",
      "def load(path):",
      "    with open(path, encoding=\"utf-8\") as f:",
      "        return json.load(f)",
    },
    distractors = {
      "        json.dumps(data, f, indent=2)",
      "        return json.loads(f)",
    },
    hints = {
      "Writing needs the \"w\" mode; reading uses the default.",
      "dump/load work with file objects; dumps/loads work with strings.",
    },
    why = "The dump/dumps distinction comes up constantly in code review.",
  },
  {
    id = "core.file-handling.newlines",
    topic = "core.file-handling",
    level = "intermediate",
    kind = "bug",
    prompt = "banned.txt has one word per line, including a line `spam`, yet this prints False. Which line is the bug? Then say why.",
    code = [[
def load_banned(path):
    with open(path, encoding="utf-8") as f:
        return {line for line in f}

banned = load_banned("banned.txt")
print("spam" in banned)]],
    buggy = 3,
    rubric = {
      concepts = {
        { label = "each line read from a file keeps its trailing newline", weight = 2,
          match = { [[\bnew ?lines?\b]], [[\\n]], [[\bline (?:break|ending)s?\b]], [[\btrailing\b]], [[\bend of (?:each|the) line\b]],
                    [[\bspam\\n]], [[\bwhitespace\b]] } },
        { label = "fix: strip each line (line.strip() or rstrip(\"\\n\"))", weight = 1,
          match = { [[\b[lr]?strip\b]], [[\bsplitlines\b]] } },
      },
    },
    samples = {
      good = {
        "Each line keeps its trailing newline, so the set holds 'spam\\n', not 'spam'. Use {line.strip() for line in f}.",
        "Lines from a file end with a line break; strip them before storing.",
      },
      bad = {
        "The file must be opened in binary mode.",
        "newline, strip, set.",
      },
    },
    hints = {
      "What exactly is each item in the set?",
      "Iterating over a file gives lines with their line ending.",
      "The set holds \"spam\\n\"; strip each line.",
    },
    solution = "Iterating over a file yields each line with its trailing newline, so the set holds \"spam\\n\" and \"spam\" is not in it. Strip each line: {line.strip() for line in f}.",
    why = "The kept newline is the most common file-reading bug; it hides in membership tests and comparisons.",
    wrong = { "2", "6", "1" },
  },
}
