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
  {
    id = "core.context-managers.explain",
    topic = "core.context-managers",
    level = "intermediate",
    kind = "explain",
    prompt = "\"What is a context manager? What exactly happens when Python runs `with manager as x:`?\"",
    hints = {
      "Which two methods does the object in a with statement need?",
      "__enter__ runs first and its return value is bound to x; __exit__ runs when the block ends, however it ends.",
      "__exit__ gets the exception details and swallows the exception only if it returns a true value; contextlib.contextmanager builds one from a generator.",
    },
    solution = "A context manager is an object that defines __enter__ and __exit__, so a with block can guarantee set-up and clean-up. Python calls __enter__ when the block starts and binds its return value to the name after as. When the block ends, normally, through return or break, or by an exception, Python calls __exit__ with the exception type, value and traceback (or three Nones), so files get closed, locks released and transactions committed or rolled back. If __exit__ returns a true value the exception is suppressed, otherwise it propagates. It replaces a try/finally pattern, and contextlib.contextmanager lets you write one as a generator: code before yield is set-up, code in finally after it is clean-up.",
    why = "Resource safety is a daily concern; knowing the protocol lets you write your own, not just use open().",
    rubric = {
      concepts = {
        { label = "__enter__ runs at the start; its return value is bound by as", weight = 1.5,
          match = { [[__enter__\W+(?:\w+\W+){0,3}(?:runs|is called|called|returns|binds?|sets? up|starts?)\b]], [[\bcalls? __enter__\b]],
                    [[\b(?:return value|result) (?:of __enter__ )?(?:is )?(?:bound|assigned|given)\b]],
                    [[\bwhat(?:ever)? (?:__enter__|it|the set-?up step) (?:returns|hands back|gives back)\b]],
                    [[\bsets? (?:\w+ )?up\b]], [[\bacquir\w*]] } },
        { label = "__exit__ always runs when the block ends, even on an exception: clean-up", weight = 2.5,
          match = { [[__exit__\W+(?:\w+\W+){0,3}(?:always|runs|is called|gets called|called)\b]], [[\bcalls? __exit__\b]],
                    [[\bclean ?-?up\b]], [[\bteardown\b]], [[\breleas\w*]], [[\btid(?:y|ies) (?:it |things )?up\b]],
                    [[\beven (?:if|when|on|by) (?:an? )?(?:exception|error)s?\b]], [[\bno matter\b]], [[\bguarantee\w*]], [[\bwhichever way\b]] } },
        { label = "__exit__ receives the exception; a true return suppresses it", weight = 1,
          match = { [[\bsuppress\w*]], [[\bswallow\w*]], [[\breturns? true\b]], [[\bexc_type\b]], [[\bexception (?:info|details|type)\b]], [[\bpropagat\w*]] } },
        { label = "replaces try/finally; contextlib.contextmanager; typical resources", weight = 1,
          match = { [[\btry\s*/\s*finally\b]], [[\btry[- ]finally\b]], [[\bcontextmanager\b]], [[\bcontextlib\b]], [[\byield\b]], [[\bfiles?\b]],
                    [[\blocks?\b]], [[\bconnections?\b]], [[\btransactions?\b]] } },
      },
      red_flags = {
        { label = "__exit__ runs on every exit, not only when the block succeeds", penalty = 0.6,
          match = { [[__exit__\s+(?:\w+\s+){0,2}only (?:if|when|on)\b]] } },
        { label = "a with block is not a loop", penalty = 0.6,
          match = { [[\bwith (?:statement |block )?(?:is|works like) a loop\b]], [[\biterates? over the (?:context )?manager\b]] } },
      },
    },
    samples = {
      good = {
        "A context manager defines __enter__ and __exit__. Python calls __enter__ at the start of the with block and binds its return value to the name after as. __exit__ is called when the block ends, even if an exception was raised, so it is where clean-up like closing a file goes; returning True from it would suppress the exception.",
        "It's an object that sets something up when the with block starts and tidies it up when the block is left, whichever way you leave it, even by an error. Whatever the set-up step hands back is what you get in the variable after as. It's the tidy replacement for writing try/finally around a file or a lock yourself.",
        "with calls __enter__, binds the result, runs the body, then always calls __exit__ with the exception details; contextlib.contextmanager lets you write one as a generator with yield.",
      },
      bad = {
        "A with statement is a loop over the manager, and __exit__ only runs when the block succeeds.",
        "__enter__, __exit__, clean-up, contextmanager, suppress, finally.",
        "__exit__ is not called when an exception happens, and __enter__ does not bind anything to the name after as.",
      },
    },
  },
}
