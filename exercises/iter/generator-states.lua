-- Exercises for iter.generator-states: CREATED, RUNNING, SUSPENDED,
-- CLOSED, and what close() does.
return {
  {
    id = "iter.generator-states.trace",
    topic = "iter.generator-states",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
from inspect import getgeneratorstate as state


def job():
    try:
        yield "a"
        yield "b"
    finally:
        print("cleanup")


g = job()
print(state(g))
print(next(g), state(g))
g.close()
print(state(g))
print(next(g, "over"))]],
    expected = "GEN_CREATED\na GEN_SUSPENDED\ncleanup\nGEN_CLOSED\nover",
    hints = {
      "Before the first next() no code has run. At a yield it is paused.",
      "close() raises GeneratorExit at the paused yield, so finally runs.",
      "A closed generator stays closed: next() with a default returns the default.",
    },
    why = "The lifecycle states, and that close() runs finally blocks, come up when generators hold resources.",
    wrong = {
      "GEN_CREATED\na GEN_RUNNING\ncleanup\nGEN_CLOSED\nover",
      "GEN_CREATED\na GEN_SUSPENDED\nGEN_CLOSED\nover",
      "GEN_CREATED\na GEN_SUSPENDED\ncleanup\nGEN_CLOSED\nb",
    },
  },
  {
    id = "iter.generator-states.abandoned",
    topic = "iter.generator-states",
    level = "intermediate",
    kind = "choice",
    prompt = "`lines = read_lines(path)`, where `read_lines` yields lines from inside `with open(path) as f:`. A loop `for line in lines:` hits `break` after a few lines. Right after the break, what state is `lines` in?",
    options = {
      { text = "GEN_SUSPENDED: paused at its yield, with the file still open", correct = true,
        why = "break only stops asking; the frame, and the with block inside it, stay alive until the generator is closed or collected." },
      { text = "GEN_CLOSED: break closes the generator and the file", why = "break does not close the generator; closing happens on close() or garbage collection." },
      { text = "GEN_CREATED: it will start over on the next loop", why = "It has run; a generator never goes back to the created state." },
      { text = "GEN_RUNNING: it keeps reading in the background", why = "Generators never run on their own; they only run inside next() or send()." },
    },
    hints = {
      "Does break tell the generator anything?",
      "A paused generator keeps its frame, including any with block it is inside.",
    },
    solution = "GEN_SUSPENDED: paused at its yield, with the file still open",
    why = "Suspended generators holding files or connections are a real resource leak.",
  },
  {
    id = "iter.generator-states.close",
    topic = "iter.generator-states",
    level = "intermediate",
    kind = "fill",
    prompt = "A generator holds a database connection in a `try/finally`. Fill in the call that ends it early so that its `finally` block runs now.",
    code = [[
rows = fetch_rows(conn)
first = next(rows)
rows.___()]],
    blanks = {
      { "close", patterns = { "^close\\(\\)$" } },
    },
    hints = {
      "Generators have three methods besides __next__: send, throw and one more.",
      "It raises GeneratorExit at the paused yield.",
    },
    solution = "close",
    why = "close() is how you release what a half-consumed generator holds (contextlib.closing wraps it).",
    wrong = { "stop", "send(None)", "__del__" },
  },
  {
    id = "iter.generator-states.explain-close",
    topic = "iter.generator-states",
    level = "advanced",
    kind = "explain",
    prompt = "What does `gen.close()` do to a generator that is paused at a `yield`? When would you call it?",
    hints = {
      "close() has to unwind the paused frame somehow. What does Python raise there?",
      "GeneratorExit is raised at the paused yield, so finally blocks and with blocks run.",
      "Afterwards the generator is GEN_CLOSED. Call it when you stop early and the generator holds a file or connection.",
    },
    solution = "close() raises GeneratorExit inside the generator, at the yield where it is paused. The exception unwinds the frame, so finally blocks run and with blocks close their files or connections; the generator must not yield again while handling it. Afterwards its state is GEN_CLOSED and every next() raises StopIteration. You call it when you abandon a generator before the end, because a suspended generator keeps its frame and whatever it holds alive until it is closed or garbage-collected; contextlib.closing does it for you.",
    why = "Resource handling in half-consumed generators separates users of generators from people who understand them.",
    rubric = {
      vocab = { "generatorexit", "finally", "yield", "cleanup" },
      concepts = {
        { label = "close() raises GeneratorExit at the paused yield", weight = 2,
          match = { "\\bgeneratorexit\\b", "\\b(?:throws?|raises?|injects?) (?:\\w+ ){0,4}(?:exception|error)\\b",
                    "\\bexception (?:\\w+ ){0,4}(?:at|in|inside|where) (?:the |it )?(?:paused |suspended )?(?:yield|stopped|paused|is paused)\\b",
                    "\\bwith an exception\\b" } },
        { label = "so finally and with blocks run: cleanup happens", weight = 2,
          match = { "\\bfinally\\b", "\\bwith (?:blocks?|statements?)\\b", "\\bclean\\s?up\\b", "\\bcontext managers?\\b",
                    "\\b(?:closes?|releases?|frees?) (?:\\w+ ){0,3}(?:files?|connections?|resources?|locks?|sockets?)\\b",
                    "\\bresources?\\b" } },
        { label = "afterwards it is closed: next() raises StopIteration", weight = 1,
          match = { "\\bgen_closed\\b", "\\bstopiteration\\b", "\\bfinished\\b", "\\bfor good\\b", "\\bnever (?:runs?|resumes?) again\\b",
                    "\\bcan(?:no|')t be resumed\\b" } },
        { label = "why: an abandoned, suspended generator holds its resources until closed or collected", weight = 1,
          match = { "\\bsuspended\\b", "\\babandon\\w*", "\\bbreak\\w*", "\\bgarbage[- ]collect\\w*", "\\bcollect(?:s|ed)?\\b",
                    "\\bclosing\\b", "\\bleak\\w*", "\\bkeeps? (?:\\w+ ){0,3}(?:open|alive)\\b", "\\bhalfway\\b", "\\bearly\\b", "\\bfully\\b", "\\bpartially\\b", "\\bbefore the end\\b" } },
      },
      red_flags = {
        { label = "close() does not run the rest of the generator", penalty = 0.6,
          match = { "\\bruns? (?:\\w+ ){0,3}(?:remaining|rest of)\\b", "\\byields? (?:the )?(?:remaining|rest)\\b", "\\bexhausts? it\\b",
                    "\\bfinishes? (?:the |its )?loop\\b" } },
        { label = "close() does run finally blocks", penalty = 0.6,
          match = { "\\bskips? (?:the |its |any )?finally\\b",
                    "\\bfinally\\b(?=(?: \\w+){0,3} (?:does(?:n't| not)|never|won't|will not|is(?:n't| not)) (?:run|executed?|called))" } },
      },
    },
    samples = {
      good = {
        "close() raises GeneratorExit inside the generator at the yield where it is paused, so its finally blocks and with statements run and release files or connections. Afterwards its state is GEN_CLOSED and next() raises StopIteration. Call it when you abandon a generator early, because a suspended generator keeps its resources open until it is garbage collected; contextlib.closing does it for you.",
        "It wakes the paused generator up with an exception right where it stopped, so any cleanup code around that point runs, for example the file it opened gets closed. After that it is finished for good. It matters when you stop reading halfway, because otherwise the open file just sits there until Python happens to collect the object.",
        "close() throws GeneratorExit at the paused yeild, so the finaly block runs and the file is closed; the state becomes GEN_CLOSED.",
      },
      bad = {
        "close() runs the rest of the generator's loop so that it finishes normally, and hands back the remaining items as a list.",
        "close, GeneratorExit, finally, GEN_CLOSED, cleanup, resources.",
        "close() skips the finally block and just marks the generator as done, so the file stays open.",
        "close() does not raise anything inside the generator, and the finally block is not executed.",
      },
    },
  },
}
