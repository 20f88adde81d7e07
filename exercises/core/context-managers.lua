-- Exercises for core.context-managers.
return {
  {
    id = "core.context-managers.generator",
    topic = "core.context-managers",
    level = "intermediate",
    kind = "parsons",
    prompt = "Arrange the lines into a context manager that opens a file and always closes it, even when the `with` body raises. One line does not belong.",
    lines = {
      "@contextmanager",
      "def opened(path):",
      "    f = open(path)",
      "    try:",
      "        yield f",
      "    finally:",
      "        f.close()",
    },
    distractors = { "        return f" },
    hints = {
      "Code before the yield is the set-up; the teardown must run on every way out.",
      "Put the yield inside try, and the close in finally.",
    },
    why = "Context managers are the idiomatic way to guarantee cleanup; interviewers check you know where teardown goes.",
  },
  {
    id = "core.context-managers.swallow",
    topic = "core.context-managers",
    level = "intermediate",
    kind = "bug",
    prompt = "This timer is used as `with Timer() as t: risky()`. Errors raised by `risky()` vanish. Which line is the bug? Then say why.",
    code = [[
import time

class Timer:
    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, exc_type, exc, tb):
        self.elapsed = time.perf_counter() - self.start
        return True]],
    buggy = 10,
    rubric = {
      concepts = {
        { label = "a true return value from __exit__ suppresses the exception", weight = 2,
          any_order = true,
          subject = { "\\btrue\\b", "\\btruthy\\b", "\\breturn(?:s|ing)?\\b", "__exit__" },
          object = { "\\bswallow\\w*", "\\bsuppress\\w*", "\\bsilenc\\w*", "\\bhid(?:e|es|ing)\\b",
                     "\\bignor\\w*", "\\beat(?:s|ing)?\\b", "\\bdiscard\\w*", "\\bvanish\\w*",
                     "\\bdisappear\\w*", "\\blost\\b" } },
        { label = "return None/False (or nothing) so the exception propagates", weight = 1,
          match = { "\\bpropagat\\w*", "\\bre-?rais\\w*", "\\breturn (?:false|none)\\b",
                    "\\b(?:drop|remove|delete) the return\\b",
                    "\\blet (?:it|the exception|exceptions|errors?) (?:through|pass|bubble|escape|out)\\b",
                    "\\bbubble up\\b" } },
      },
      red_flags = {
        { label = "the bug is not in the timing code", penalty = 0.6,
          match = { "\\bperf_counter\\b.{0,40}\\b(?:wrong|bug|inaccurate)\\b" } },
      },
    },
    samples = {
      good = {
        "Returning True from __exit__ tells Python to suppress the exception, so errors from risky() are swallowed. Return None or False to let them propagate.",
        "Because __exit__ returns True, any exception in the with block is silenced; just drop the return so it bubbles up.",
      },
      bad = {
        "perf_counter is the wrong clock, so the timing is wrong.",
        "True, suppress, __exit__, propagate.",
      },
    },
    hints = {
      "What does Python do with the value __exit__ returns?",
      "A truthy return value from __exit__ means \"I handled the exception\".",
    },
    solution = "Returning True from __exit__ suppresses any exception raised in the with block. Return None (or just omit the return) so the exception propagates.",
    why = "Knowing the __exit__ protocol in detail separates users of `with` from people who can write context managers.",
    wrong = { "9", "5" },
  },
}
