-- Exercises for core.comments-docstrings: # comments, docstrings, and
-- why a stray triple-quoted string is not a comment.
return {
  {
    id = "core.comments-docstrings.explain",
    topic = "core.comments-docstrings",
    level = "beginner",
    kind = "explain",
    prompt = "\"How do you write comments in Python? Is a triple-quoted string a multi-line comment? What is a docstring?\"",
    hints = {
      "One of them disappears when the code is compiled; the other is kept at run time.",
      "A docstring is the string that comes first in a module, class or function; it ends up in __doc__.",
      "# comments are discarded; the first string literal of a def/class/module is stored in __doc__ and shown by help(); a triple-quoted string elsewhere is just an unused expression.",
    },
    solution = "A comment starts with # and runs to the end of the line; the compiler throws it away, and Python has no block-comment syntax, so longer comments are several # lines. A docstring is a string literal that is the first statement of a module, class or function: Python keeps it in __doc__, and help(), IDEs and documentation tools read it from there. A triple-quoted string anywhere else is not a comment but an expression statement that is evaluated and discarded. Comments explain why the code does something; docstrings tell users what it does.",
    why = "Knowing what is kept at run time and what is thrown away shows you understand how Python treats source text.",
    rubric = {
      concepts = {
        { label = "# starts a comment, which is thrown away", weight = 1.5,
          match = { [[#\W{0,3}\w+]], [[\bhash(?: sign| mark|tag)?\b]], [[\bpound sign\b]],
                    [[\bignored\b]], [[\bthrown away\b]], [[\bdiscard\w*]], [[\bstripped\b]] } },
        { label = "a docstring is the first statement of a module, class or function", weight = 2,
          match = { [[\bfirst (?:statement|line|thing|expression|string)\b]],
                    [[\b(?:right |directly |just |immediately )?(?:after|under|below|beneath) the (?:def|class|function|signature|header)\b]],
                    [[\bat the (?:top|start|beginning) of (?:a |the )?(?:function|class|module|def)\b]] } },
        { label = "it is kept in __doc__ and read by help() and tools", weight = 2,
          match = { [[__doc__]], [[\bhelp\b]], [[\bdoc attribute\b]], [[\bintrospect\w*]], [[\bsphinx\b]],
                    [[\bdocumentation tools?\b]], [[\bides?\b]], [[\b(?:kept|stored|available) at run ?time\b]],
                    [[\bkept\b]], [[\bstored\b]] } },
        { label = "a triple-quoted string elsewhere is just an unused expression, not a comment", weight = 1,
          match = { [[\bexpressions?\b]], [[\bjust a string\b]], [[\bevaluated\b]], [[\bunused\b]],
                    [[\bnot (?:a |really a |actually a )?(?:real |true )?comment\b]],
                    [[\bno (?:real )?(?:block|multi-?line) comments?\b]], [[\bstill (?:code|a string)\b]] } },
      },
      red_flags = {
        { label = "triple-quoted strings are not comments", penalty = 0.6,
          subject = { [[\btriple[- ]quot\w*]], [[\bstrings?\b]] },
          object = { [[\b(?:multi-?line|block) comments?\b]], [[\bcomments? (?:out|too|as well)\b]],
                     [[\bfor (?:long |longer )?comments\b]] } },
      },
    },
    samples = {
      good = {
        "Comments start with # and the interpreter discards them. A docstring is the first statement in a function, class or module; it is stored in __doc__ so help() can show it. A triple-quoted string elsewhere is just an expression that gets evaluated and thrown away, not a real comment.",
        "You put a hash at the start of the line. The string you write right after the def line is different: Python keeps it, and help() prints it for people using your function. Put the same string in the middle of a function and it's just a string nobody uses.",
        "# comments are ignored by the compiler. The docstring is the first string in a module, class or def, stored in the doc attribute for IDEs and Sphinx.",
      },
      bad = {
        "Triple-quoted strings are Python's multi-line comments, and a docstring is just a comment placed anywhere in the function.",
        "Hash, docstring, __doc__, help, triple quotes, comment.",
        "A docstring is not the first statement of a function and it is not stored in __doc__; help never shows it.",
      },
    },
  },
  {
    id = "core.comments-docstrings.which-doc",
    topic = "core.comments-docstrings",
    level = "beginner",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
def area(w, h):
    """Return the area of a w-by-h rectangle."""
    return w * h

def perimeter(w, h):
    # Return the perimeter.
    return 2 * (w + h)

def volume(w, h, d):
    result = w * h * d
    """Return the volume."""
    return result

print(area.__doc__)
print(perimeter.__doc__)
print(volume.__doc__)]],
    expected = "Return the area of a w-by-h rectangle.\nNone\nNone",
    hints = {
      "Which of the three functions starts with a string literal?",
      "Only a string that is the first statement of the body becomes the docstring; comments are never stored.",
      "perimeter has only a comment, volume's string comes second: both have no docstring.",
    },
    why = "Shows whether you know exactly what makes a docstring, and that comments vanish at compile time.",
    wrong = { "Return the area of a w-by-h rectangle.\nReturn the perimeter.\nReturn the volume.",
              "Return the area of a w-by-h rectangle.\nNone\nReturn the volume." },
  },
  {
    id = "core.comments-docstrings.fill",
    topic = "core.comments-docstrings",
    level = "beginner",
    kind = "fill",
    prompt = "Fill the blank so the program prints the class's docstring.",
    code = [[
class Invoice:
    """Lines, totals and a due date for one customer."""

print(Invoice.___)]],
    blanks = { { "__doc__" } },
    hints = {
      "Docstrings are stored on the object as an attribute.",
      "It is a dunder attribute named after \"documentation\".",
    },
    solution = "__doc__",
    why = "help() and every documentation tool read this attribute.",
    wrong = { "doc", "__docstring__", "__str__" },
  },
}
