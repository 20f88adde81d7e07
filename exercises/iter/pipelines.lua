-- Exercises for iter.pipelines: chained generator stages, pulled one
-- item at a time by the last consumer.
return {
  {
    id = "iter.pipelines.flow",
    topic = "iter.pipelines",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print? Follow one item at a time.",
    code = [[
def numbers(values):
    for v in values:
        print("read", v)
        yield v


def positive(values):
    for v in values:
        if v > 0:
            yield v


def doubled(values):
    for v in values:
        print("double", v)
        yield v * 2


for out in doubled(positive(numbers([3, -1, 5]))):
    print("out", out)]],
    expected = "read 3\ndouble 3\nout 6\nread -1\nread 5\ndouble 5\nout 10",
    hints = {
      "Which stage asks for items first: the first stage or the last?",
      "The for loop pulls from doubled, which pulls from positive, which pulls from numbers, one item at a time.",
      "3 goes all the way through before -1 is even read; -1 is read and dropped.",
    },
    why = "Pull-based evaluation: each item crosses every stage before the next one is read.",
    wrong = {
      "read 3\nread -1\nread 5\ndouble 3\ndouble 5\nout 6\nout 10",
      "read 3\ndouble 3\nout 6\nread -1\ndouble -1\nread 5\ndouble 5\nout 10",
    },
  },
  {
    id = "iter.pipelines.stage-parsons",
    topic = "iter.pipelines",
    level = "intermediate",
    kind = "parsons",
    prompt = "Arrange the lines into a pipeline stage that takes any iterable of log lines and yields the message part of each `ERROR` line, stripped. Two lines do not belong.",
    lines = {
      "def error_messages(lines):",
      "    for line in lines:",
      "        level, _, message = line.partition(\":\")",
      "        if level == \"ERROR\":",
      "            yield message.strip()",
    },
    distractors = {
      "    lines = list(lines)",
      "            return message.strip()",
    },
    hints = {
      "A stage loops over its input and yields results; it never builds a list.",
      "Split each line at the first colon, keep only the ERROR ones.",
      "return would end the whole stage after the first error.",
    },
    why = "Small stages that accept any iterable and yield are what makes a pipeline stream.",
  },
  {
    id = "iter.pipelines.breaks-streaming",
    topic = "iter.pipelines",
    level = "intermediate",
    kind = "choice",
    prompt = "A pipeline `fmt(keep(parse(open(path))))` handles a 50 GB file in constant memory. Which change to a stage would break that?",
    options = {
      { text = "Making keep() return sorted(...) of the records it keeps", correct = true,
        why = "Sorting needs every item before it can output the first, so the whole data set is held in memory." },
      { text = "Writing keep() as a generator expression instead of a generator function", why = "A generator expression is just as lazy." },
      { text = "Adding a stage that yields each record with an extra field", why = "A stage that yields one item per input item keeps only one item in flight." },
      { text = "Reading the file with `for line in f` inside parse()", why = "Line iteration is the streaming primitive the pipeline relies on." },
    },
    hints = {
      "Which operations can produce their first output before seeing the last input?",
      "Sorting, grouping by key and joins need all the data.",
    },
    solution = "Making keep() return sorted(...) of the records it keeps",
    why = "A senior answer knows where streaming stops: sorts, joins and whole-data aggregations.",
  },
}
