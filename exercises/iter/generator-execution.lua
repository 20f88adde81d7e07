-- Exercises for iter.generator-execution: each next() runs the body to
-- the next yield and freezes the frame there.
return {
  {
    id = "iter.generator-execution.loop-trace",
    topic = "iter.generator-execution",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print? Write the lines in order.",
    code = [[
def tagged(words):
    count = 0
    for w in words:
        print("before", w)
        yield w.upper()
        count += 1
        print("after", w)
    print("total", count)


for item in tagged(["a", "b"]):
    print("got", item)]],
    expected = "before a\ngot A\nafter a\nbefore b\ngot B\nafter b\ntotal 2",
    hints = {
      "The body pauses at yield; the loop body runs while it is paused.",
      "The code after a yield runs only when the loop asks for the next item.",
      "The final print runs when the loop asks for a third item and the body reaches its end.",
    },
    why = "Tracing suspension and resumption line by line is the classic generator interview question.",
    wrong = {
      "before a\nafter a\nbefore b\nafter b\ntotal 2\ngot A\ngot B",
      "before a\ngot A\nafter a\nbefore b\ngot B\nafter b",
      "before a\nafter a\ngot A\nbefore b\nafter b\ngot B\ntotal 2",
    },
  },
  {
    id = "iter.generator-execution.deferred-error",
    topic = "iter.generator-execution",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
def batches(items, size):
    if size < 1:
        raise ValueError("size must be at least 1")
    for i in range(0, len(items), size):
        yield items[i:i + size]


try:
    gen = batches([1, 2, 3], 0)
    print("created")
    print(next(gen))
except ValueError as err:
    print("error:", err)]],
    expected = "created\nerror: size must be at least 1",
    hints = {
      "Does calling batches(...) run the size check?",
      "No line of a generator's body runs until the first next().",
    },
    why = "Argument checks inside a generator fire only at the first next(), possibly far from the bad call.",
    wrong = { "error: size must be at least 1", "created\n[1, 2, 3]" },
  },
  {
    id = "iter.generator-execution.after-last-yield",
    topic = "iter.generator-execution",
    level = "intermediate",
    kind = "choice",
    prompt = "A generator function prints `\"cleanup\"` after its last `yield`. When does that line run?",
    options = {
      { text = "At the following next() call, which then raises StopIteration", correct = true,
        why = "The body resumes after the last yield, runs to its end, and finishing is signalled by StopIteration." },
      { text = "Right after the last value is handed out, before next() returns it",
        why = "At a yield the frame freezes; nothing after it runs until the generator is resumed." },
      { text = "When the generator function is called", why = "Calling a generator function runs none of its body." },
      { text = "Never: code after the last yield is unreachable",
        why = "It runs whenever the generator is resumed past that yield, for example by a for loop asking for one more item." },
    },
    hints = {
      "What does the frame do at a yield?",
      "The body only moves forward when someone calls next() again.",
    },
    solution = "At the following next() call, which then raises StopIteration",
    why = "Knowing exactly when code after a yield runs explains deferred cleanup and summaries in pipelines.",
  },
}
