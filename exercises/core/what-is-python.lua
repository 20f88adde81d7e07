-- Exercises for core.what-is-python: dynamic and strong typing, compiled
-- to bytecode first, why teams pick it.
return {
  {
    id = "core.what-is-python.explain",
    topic = "core.what-is-python",
    level = "beginner",
    kind = "explain",
    prompt = "\"Tell me about Python: what kind of language is it, and why would a team choose it?\" Answer in a few sentences.",
    hints = {
      "Say something about types, about how the code is run, and about what comes with the language.",
      "Dynamic vs static typing, interpreted vs compiled (what CPython actually does), and the ecosystem.",
      "Types belong to values and are checked at run time; CPython compiles source to bytecode and runs it on a VM; big standard library and PyPI.",
    },
    solution = "Python is a high-level, general-purpose language with dynamic typing: types belong to objects, not to names, and are checked at run time. It is also strongly typed, so \"1\" + 1 is a TypeError rather than a silent conversion. People call it interpreted, but CPython first compiles the source to bytecode and then runs that bytecode on a virtual machine. Teams pick it for readable code, a large standard library and a huge ecosystem (Django, NumPy, pandas), accepting that pure-Python loops are slow and pushing heavy work into C extensions or processes.",
    why = "A precise description instead of slogans shows you know your main tool, including what its implementation really does.",
    rubric = {
      concepts = {
        { label = "dynamically typed: types belong to values, checked at run time", weight = 2,
          match = { [[\bdynamic(?:ally)?[- ]typ\w*]], [[\bdynamic typing\b]],
                    [[\btypes? (?:are |is )?(?:checked|decided|determined|known|resolved) at run ?time\b]],
                    [[\btypes? belongs? to (?:the )?(?:objects?|values?)\b]],
                    [[\b(?:don't|never|not|no need to|without) (?:have to |need to )?declar\w*]],
                    [[\b(?:a )?(?:name|variable) can (?:hold|point to|refer to|be) (?:an? )?\w+ (?:now |first )?and (?:then |later )?(?:an? )?\w+]] } },
        { label = "CPython compiles source to bytecode run by a virtual machine", weight = 1.5,
          match = { [[\bbyte ?code\b]], [[\bvirtual machine\b]], [[\bvm\b]],
                    [[\bcompil\w* (?:\w+ ){0,3}(?:first|before)\b]], [[\binterpreted\b.{0,40}\bcompiled\b]] } },
        { label = "high-level and general-purpose, readable by design", weight = 1,
          match = { [[\bhigh[- ]level\b]], [[\bgeneral[- ]purpose\b]], [[\breadab\w*]],
                    [[\bindentation\b]], [[\bgarbage[- ]collect\w*]], [[\bmemory (?:is )?managed\b]],
                    [[\beasy to (?:read|write|learn)\b]] } },
        { label = "large standard library and ecosystem", weight = 1,
          match = { [[\bstandard library\b]], [[\bstdlib\b]], [[\bbatteries\b]], [[\becosystem\b]],
                    [[\blibrar(?:y|ies)\b]], [[\bpackages\b]], [[\bpypi\b]], [[\bdjango\b]],
                    [[\bnumpy\b]], [[\bpandas\b]] } },
        { label = "strongly typed: no silent conversions", weight = 0.5,
          match = { [[\bstrong(?:ly)?[- ]typ\w*]], [[\bno (?:implicit|silent|automatic) (?:type )?(?:conversions?|coercions?)\b]],
                    [[\bwon't (?:silently )?convert\b]] } },
      },
      red_flags = {
        { label = "Python is strongly typed, not weakly typed", penalty = 0.6,
          match = { [[\bweak(?:ly)?[- ]typ\w*]] } },
        { label = "Python is dynamically typed: no declared static types", penalty = 0.6,
          match = { [[\bstatic(?:ally)?[- ]typ\w*]], [[\b(?:must|have to|need to) declare\b]] } },
        { label = "CPython does compile: source becomes bytecode before it runs", penalty = 0.6,
          match = { [[\b(?:never|not|isn't|no) compil\w*+(?! to (?:native|machine))(?![- ]?time)]],
                    [[\bno compil\w* step\b]] } },
      },
    },
    samples = {
      good = {
        "Python is a high-level, general-purpose language. It is dynamically typed, so types are checked at run time, and strongly typed. CPython compiles source code to bytecode which a virtual machine executes. Teams like the huge standard library and ecosystem.",
        "You never declare what type a variable holds: a name can hold a number now and a string later, and the type is only looked at when the code runs. Before running, your file is turned into bytecode for a VM. People pick it because it's easy to read and has a library for almost anything.",
        "It's a general purpose scripting language with dynamic typing. The interpreter first compiles each module to byte code and then interprets that. Its strengths are readability and the packages on PyPI like Django and NumPy.",
      },
      bad = {
        "Python is weakly typed because you don't declare types, and it is interpreted line by line with no compilation step. It's popular because it's easy.",
        "Dynamic typing, bytecode, virtual machine, high-level, standard library, ecosystem.",
        "Python is not dynamically typed and it is never compiled to bytecode; it is not high-level either.",
      },
    },
  },
  {
    id = "core.what-is-python.compile-first",
    topic = "core.what-is-python",
    level = "beginner",
    kind = "choice",
    prompt = [[
You run this file with `python3 report.py`. What happens?

```python
print("starting report")
total = 0
for n in range(3):
    total += n
print("total is" total)
```]],
    options = {
      { text = "Only a SyntaxError is shown; nothing is printed", correct = true,
        why = "CPython compiles the whole file to bytecode before running any of it, and the missing comma on the last line stops the compile." },
      { text = "It prints \"starting report\", then a SyntaxError for the last line",
        why = "That would be true of a line-by-line interpreter; CPython never starts running a file that does not compile." },
      { text = "It prints \"starting report\" and \"total is 3\"",
        why = "Python does not guess a missing comma: two expressions side by side are a syntax error." },
      { text = "It prints \"starting report\", then a NameError for the last line",
        why = "A NameError is a run-time error; this file never reaches run time." },
    },
    hints = {
      "Does Python read a file one line at a time, running each as it goes?",
      "CPython compiles the whole module to bytecode first.",
      "A syntax error anywhere in the file stops the compile, so the first print never runs.",
    },
    solution = "Only a SyntaxError is shown: the file is compiled to bytecode before any line runs.",
    why = "\"Interpreted\" is a slogan; knowing that CPython compiles first explains why one typo stops a whole script.",
  },
  {
    id = "core.what-is-python.types",
    topic = "core.what-is-python",
    level = "beginner",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
value = 10
print(type(value).__name__)
value = "10"
print(type(value).__name__)
print(value * 2)
print(int(value) + 1)
try:
    print(value + 1)
except TypeError:
    print("refused")]],
    expected = "int\nstr\n1010\n11\nrefused",
    hints = {
      "A name may be rebound to an object of another type: which type does it have after each assignment?",
      "Dynamic typing lets value change type; strong typing refuses to mix str and int with +.",
      "str * int repeats the string; str + int raises TypeError.",
    },
    why = "Dynamic and strong typing are two separate properties; candidates often confuse them.",
    wrong = { "int\nstr\n20\n11\n11", "int\nint\n20\n11\nrefused", "int\nstr\n1010\n11\n101" },
  },
}
