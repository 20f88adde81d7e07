-- Exercises for core.exceptions: try/except/else/finally, order of except
-- clauses, custom exceptions.
return {
  {
    id = "core.exceptions.explain",
    followup = "core.exceptions.followup-finally-return",
    topic = "core.exceptions",
    level = "beginner",
    kind = "explain",
    prompt = "\"Walk me through `try`, `except`, `else` and `finally`. When does each block run?\"",
    hints = {
      "Think of three runs: no error, an error that is caught, an error that is not caught.",
      "except handles a matching exception; else runs only when try raised nothing; finally runs in every case.",
      "finally even runs after a return inside try; use it for clean-up such as closing a file.",
    },
    solution = "The try block holds code that may raise. An except clause runs when the exception matches its type; clauses are checked in order and the first match wins, so specific types go before general ones. The else block runs only when the try block raised nothing, which keeps the success path out of the try. finally always runs, whether the try succeeded, an exception was handled or is still propagating, even after a return, so it is where clean-up such as closing a resource goes.",
    why = "Error handling is in every real program; interviewers check you know exactly when else and finally run.",
    rubric = {
      concepts = {
        { label = "except runs for a matching exception type (checked in order)", weight = 1.5,
          match = { [[\bexcept\b[^.;]{0,60}\b(?:catch|handl|match)\w*]], [[\b(?:catch|handl)\w* (?:the |an? |that |specific |any )?(?:exceptions?|errors?)\b]],
                    [[\bin order\b]], [[\bfirst match\w*]] } },
        { label = "else runs only when the try block raised nothing", weight = 2,
          subject = { [[\belse\b]] },
          object = { [[\bno (?:exception|error)s?\b]], [[\bnothing (?:was |is |gets )?raised\b]], [[\bdidn't raise\b]],
                     [[\b(?:doesn't|did not|does not) raise\b]],
                     [[\bsucce\w*]], [[\bwithout (?:an? |any )?(?:exception|error)s?\b]], [[\bno problems?\b]],
                     [[\bwent (?:fine|well|ok)\b]], [[\bnothing went wrong\b]] } },
        { label = "finally always runs (even after return): clean-up", weight = 2,
          match = { [[\bfinally\s+(?:block\s+|clause\s+|part\s+)?(?:always|is always)\b]] },
          subject = { [[\bfinally\b]] },
          object = { [[\balways\b]], [[\bno matter\b]], [[\bwhatever happens\b]], [[\bevery time\b]],
                     [[\bin (?:all|every|any) cases?\b]], [[\beither way\b]], [[\bregardless\b]] } },
        { label = "extras: clean-up, re-raise, custom exceptions", weight = 0.5,
          match = { [[\bclean ?-?up\b]], [[\bclos(?:e|es|ing)\b]], [[\bresources?\b]], [[\bre-?rais\w*]],
                    [[\bsubclass\w*]], [[\bcustom\b]], [[\bspecific\b]], [[\breturn\b]] } },
      },
      red_flags = {
        { label = "else runs when nothing was raised, not on an error", penalty = 0.6,
          subject = { [[\belse\b]] },
          object = { [[\b(?:when|if) (?:an? |the )?(?:exception|error)s? (?:is raised|occurs|happens|was raised)\b]],
                     [[\bon (?:an? )?(?:exception|error)\b]], [[\bwhen (?:it|something) fails\b]],
                     [[\b(?:if|when) there (?:was|is|were) an? (?:exception|error)\b]] } },
        { label = "finally runs in every case, not only on success or only on error", penalty = 0.6,
          subject = { [[\bfinally\b]] },
          object = { [[\bonly (?:if|when|on|after)\b]] } },
      },
    },
    samples = {
      good = {
        "try holds the risky code. An except clause catches exceptions of its type, checked in order. else runs only if the try block raised no exception, and finally always runs, even after a return, so it's for clean-up like closing files.",
        "Put the code that might fail in try. If it blows up with a matching error, the except part handles it. The else part is for when everything in try went fine. The finally part runs every time, whatever happens, so you close things there.",
        "except handles a specific error; else is only for the case where nothing was raised; finally is executed regardless, which is why you release resources in it.",
      },
      bad = {
        "else runs when an exception occurs and finally runs only if the try block succeeded.",
        "try, except, else, finally, always, no exception, clean-up.",
        "finally does not always run, and else does not wait for the try block to succeed: it never depends on exceptions.",
      },
    },
  },
  {
    id = "core.exceptions.flow",
    topic = "core.exceptions",
    level = "beginner",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
def parse(text):
    try:
        value = int(text)
    except ValueError:
        print("bad:", text)
        return None
    else:
        print("ok:", value)
        return value
    finally:
        print("checked", text)

print(parse("42"))
print(parse("x"))]],
    expected = "ok: 42\nchecked 42\n42\nbad: x\nchecked x\nNone",
    hints = {
      "Which of except and else runs for \"42\", and which for \"x\"?",
      "finally runs even when the block before it returns.",
      "The function's return value is printed after finally has run.",
    },
    why = "The return-then-finally order is a favourite interview trace.",
    wrong = { "ok: 42\n42\nchecked 42\nbad: x\nNone\nchecked x",
              "ok: 42\n42\nbad: x\nNone",
              "ok: 42\nchecked 42\n42\nbad: x\nNone" },
  },
  {
    id = "core.exceptions.order",
    topic = "core.exceptions",
    level = "intermediate",
    kind = "bug",
    prompt = "`load(\"missing.txt\")` should print `missing: missing.txt` and return None, but it silently returns \"\". Which line is the bug? Then say why.",
    code = [[
def load(path):
    try:
        with open(path) as f:
            return f.read()
    except Exception:
        return ""
    except FileNotFoundError:
        print("missing:", path)
        return None]],
    buggy = 5,
    rubric = {
      concepts = {
        { label = "except clauses are tried in order and the first match wins", weight = 2,
          match = { [[\bin order\b]], [[\bfirst (?:one |clause |handler |except )?(?:that )?match\w*]], [[\btop to bottom\b]],
                    [[\bbefore\b]], [[\bfirst\b]], [[\bnever reache[sd]\b]], [[\bunreachable\b]], [[\bshadow\w*]] } },
        { label = "Exception is a parent of FileNotFoundError, so it catches it", weight = 1,
          match = { [[\bsubclass\w*]], [[\bparent\b]], [[\bbase class\b]], [[\bbroad\w*]], [[\bgeneral\b]],
                    [[\bcatch(?:es)? (?:everything|all|any)\b]], [[\binherits?\b]] } },
      },
      red_flags = {
        { label = "the with/open lines are fine", penalty = 0.6,
          match = { [[\bf\.read\(\) (?:is|returns) wrong\b]], [[\bwith (?:is|doesn't) (?:wrong|work)\b]] } },
      },
    },
    samples = {
      good = {
        "except clauses are checked in order and except Exception comes first; FileNotFoundError is a subclass of Exception, so the second handler is never reached. Put the specific one first.",
        "The broad handler catches everything before the FileNotFoundError one gets a chance, so that one is unreachable.",
      },
      bad = {
        "open needs a mode argument.",
        "except, Exception, FileNotFoundError, order.",
      },
    },
    hints = {
      "Which handler does Python pick when two of them match?",
      "Handlers are tried top to bottom; is FileNotFoundError an Exception?",
      "The general handler on line 5 shadows the specific one on line 7: swap them.",
    },
    solution = "except clauses are tried in order and the first match wins. FileNotFoundError is a subclass of Exception, so the handler on line 5 catches it and the specific one is never reached; put the specific clause first.",
    why = "Handler order is a real-world bug that linters catch only sometimes; it tests the exception hierarchy.",
    wrong = { "7", "3", "6" },
  },
  {
    id = "core.exceptions.custom",
    topic = "core.exceptions",
    level = "beginner",
    kind = "parsons",
    prompt = "Arrange the lines into a custom exception that carries the missing amount, and a function that raises it. Two lines do not belong.",
    lines = {
      "class InsufficientFunds(Exception):",
      "    def __init__(self, missing):",
      "        super().__init__(f\"{missing} short\")",
      "        self.missing = missing",
      "def withdraw(balance, amount):",
      "    if amount > balance:",
      "        raise InsufficientFunds(amount - balance)",
      "    return balance - amount",
    },
    distractors = {
      "        return InsufficientFunds(amount - balance)",
      "class InsufficientFunds(BaseException):",
    },
    hints = {
      "Custom exceptions subclass Exception, not BaseException (which also covers KeyboardInterrupt and SystemExit).",
      "Call super().__init__ with the message so str(err) works, then store the extra field.",
      "An error is raised, not returned.",
    },
    why = "Interviewers ask you to define a domain exception: subclass Exception, keep the message working, add fields.",
  },
  {
    id = "core.exceptions.followup-finally-return",
    topic = "core.exceptions",
    level = "intermediate",
    kind = "output",
    prompt = "Follow-up to the exceptions question: \"Does `finally` still run when the `try` block returns?\" What does this print?",
    code = [[
def f():
    try:
        return "try"
    finally:
        print("finally runs")

print(f())]],
    expected = "finally runs\ntry",
    hints = {
      "When does the return value reach the caller?",
      "finally runs on every way out of the try block, a return included.",
      "The return value is set aside, finally prints, then f returns it.",
    },
    solution = "finally runs\ntry",
    why = "finally is for cleanup that must happen on every path out (return, exception, break); the interviewer checks that you know the order, and that a return inside finally would replace the result.",
    wrong = { "try\nfinally runs", "try" },
  },
}
