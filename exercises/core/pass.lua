-- Exercises for core.pass: the do-nothing statement, and how it differs
-- from continue.
return {
  {
    id = "core.pass.explain",
    topic = "core.pass",
    level = "beginner",
    kind = "explain",
    prompt = "\"What does `pass` do, and where would you use it? How is it different from `continue`?\"",
    hints = {
      "What does Python say about a `def` or `if` with nothing indented under it?",
      "Every block needs at least one statement; `pass` is a statement that does nothing.",
      "pass: a no-op for stubs, empty classes and deliberate empty branches; continue jumps to the next loop iteration.",
    },
    solution = "pass is a statement that does nothing. Python's grammar needs at least one statement in every block, so pass fills a block that must exist but has nothing to do: a stub function, an empty class such as a marker exception, or a branch you leave empty on purpose. Unlike continue, it changes no control flow: in a loop, execution simply carries on with the next line, while continue skips the rest of the iteration. In stubs, ... (Ellipsis) or even a docstring alone also works.",
    why = "A warm-up that shows you understand Python's block structure and don't confuse pass with continue.",
    rubric = {
      vocab = { "exist", "exists", "execution", "executes" },
      concepts = {
        { label = "pass does nothing (a no-op)", weight = 2,
          match = { [[\bdoes nothing\b]], [[\bdo nothing\b]], [[\bno-?op\b]], [[\bnothing happens\b]],
                    [[\b(?:doesn't|not|don't) do (?:anything|a thing)\b]], [[\bnull (?:statement|operation)\b]],
                    [[\bempty statement\b]], [[\bhas no effect\b]] } },
        { label = "a block needs at least one statement (syntax requires it)", weight = 2,
          match = { [[\bsyntax\w*]], [[\bgrammar\b]], [[\brequire[sd]?\b]], [[\bindentation ?error\b]],
                    [[\bneeds? (?:at least )?(?:one |a )statement\b]], [[\b(?:can't|cannot) be empty\b]],
                    [[\bempty (?:block|body|function|class|branch|loop)\b]], [[\bmust (?:have|contain) \w+\b]] } },
        { label = "uses: stubs, empty classes, placeholders", weight = 1,
          match = { [[\bstubs?\b]], [[\bplaceholders?\b]], [[\btodo\b]], [[\blater\b]],
                    [[\bempty class\w*]], [[\bexception class\w*]], [[\bmarker\b]], [[\bnot (?:yet )?implemented\b]] } },
        { label = "continue skips the rest of the iteration; pass changes no flow", weight = 1,
          subject = { [[\bcontinue\b]] },
          object = { [[\bskip\w*]], [[\bjumps?\b]], [[\bnext (?:iteration|loop|round|item)\b]], [[\brest of the (?:loop|iteration|body)\b]],
                     [[\bback to the (?:top|start)\b]] } },
      },
      red_flags = {
        { label = "pass does not skip or leave anything: the next line runs", penalty = 0.6,
          subject = { [[\bpass\b]] },
          object = { [[\bnext iteration\b]], [[\bskips?\b]], [[\bexits?\b]], [[\bleaves?\b]], [[\bbreaks? out\b]],
                     [[\breturns? from\b]], [[\bends? the (?:loop|function)\b]], [[\bstops? the (?:loop|function)\b]] } },
      },
    },
    samples = {
      good = {
        "pass is a no-op: it does nothing. Python's syntax requires at least one statement in a block, so you use pass for stub functions, empty exception classes or an empty if branch. continue is different: it skips to the next iteration of the loop.",
        "It literally does nothing. You need it because a function or class body can't be empty, so it's a placeholder until you write the real code. In a loop, the next line after pass still runs, whereas continue jumps back to the top for the next item.",
        "pass is the empty statement, for when a block is required but there's nothing to do yet, like a TODO stub.",
      },
      bad = {
        "pass skips the rest of the loop and goes to the next iteration, just like continue.",
        "No-op, stub, placeholder, syntax, continue, empty block.",
        "pass does not do nothing: a block does not need a statement, it is not for stubs.",
      },
    },
  },
  {
    id = "core.pass.vs-continue",
    topic = "core.pass",
    level = "beginner",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
total = 0
for n in range(5):
    if n % 2:
        pass
        total += 10
    else:
        continue
        total += 100
    total += 1
print(total)]],
    expected = "22",
    hints = {
      "Which values of n take the `if` branch, and which the `else`?",
      "pass lets execution carry on with the next line; continue abandons the rest of this iteration.",
      "Odd n (1 and 3) add 10 and then 1; even n add nothing at all.",
    },
    why = "Mixing up pass and continue is a real bug source in loops.",
    wrong = { "20", "2", "222", "0" },
  },
  {
    id = "core.pass.stub-bodies",
    topic = "core.pass",
    level = "beginner",
    kind = "choice",
    prompt = "You are sketching `def load(path):` and will write its body later. Which of these, as the whole indented body, give a valid function? Choose every one that works.",
    options = {
      { text = "pass", correct = true, why = "The do-nothing statement; calling load() returns None." },
      { text = "...", correct = true, why = "The Ellipsis literal is an expression statement, so it is a valid body; common in stubs." },
      { text = "\"\"\"Load the file at path.\"\"\"", correct = true,
        why = "A docstring is a statement too, so a documented stub needs no pass." },
      { text = "# TODO: load the file", why = "Comments are discarded; the body is empty and Python raises IndentationError." },
      { text = "(an empty line)", why = "An empty body is an IndentationError: expected an indented block." },
    },
    hints = {
      "The rule is that a block needs at least one statement. Which of these are statements?",
      "Comments are thrown away before parsing; any expression, even a lone string, is a statement.",
    },
    solution = "pass, ... and a docstring.",
    why = "Knowing what counts as a statement explains why pass exists at all.",
  },
}
