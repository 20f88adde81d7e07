-- NumPy exercises for iter.benchmark: the vectorised alternative.
-- Graded by running the answer through the Python-subset engine and
-- comparing `result` with the reference (shape, dtype, values).
return {
  {
    id = "iter.benchmark.numpy-squares",
    topic = "iter.benchmark",
    level = "intermediate",
    kind = "numpy",
    prompt = "The lesson sums squares with a generator. Do it without a Python loop: set `result` to the sum of i*i for i in 0..999 (as an int64).",
    setup = "import numpy as np",
    solution = "result = (np.arange(1000, dtype=np.int64) ** 2).sum()",
    hints = {
      "Make all the numbers at once with np.arange.",
      "Square the array, then call .sum().",
    },
    why = "Knowing when to leave Python loops for vectorised NumPy is a standard data-role question.",
    wrong = {
      "result = (np.arange(1000) ** 2).sum() + 1",
      "result = sum(i * i for i in range(1000))",
    },
    -- The value alone cannot tell a loop from NumPy: refuse loops here.
    check = function(answer, ctx)
      if answer:find("%f[%w]for%f[%W]") or answer:find("%f[%w]while%f[%W]") then
        return 0, "the point is to avoid a Python loop: use np.arange and .sum()"
      end
      return ctx.score
    end,
  },
  {
    id = "iter.benchmark.numpy-evens",
    topic = "iter.benchmark",
    level = "beginner",
    kind = "numpy",
    prompt = "Set `result` to a float64 array of the first 10 even numbers: 0.0, 2.0, ..., 18.0.",
    setup = "import numpy as np",
    solution = "result = np.arange(0, 20, 2, dtype=np.float64)",
    tolerance = 1e-12,
    hints = {
      "np.arange takes start, stop and step.",
      "Pass dtype=np.float64 (or call .astype).",
    },
    why = "Creating arrays with the right dtype is the first thing any NumPy task needs.",
    wrong = { "result = np.arange(0, 20, 2)", "result = np.arange(0, 10, dtype=np.float64)" },
  },
  {
    id = "iter.benchmark.what-wins",
    topic = "iter.benchmark",
    level = "advanced",
    kind = "choice",
    prompt = "You measure `sum([x * x for x in range(n)])` against `sum(x * x for x in range(n))` for n = 1,000,000. Which result should you expect?",
    options = {
      { text = "The generator's peak memory is tiny and constant; the time difference is small and can go either way", correct = true,
        why = "Memory is the reliable win; per item, resuming a generator costs about as much as the list comprehension's loop, so timings vary by machine and version." },
      { text = "The generator is always clearly faster, because it skips building the list", why = "Not reliably: on some machines the list comprehension wins (78 ms vs 91 ms on one CPython 3.11 run)." },
      { text = "Both peak at about the same memory, since sum() needs every value", why = "sum() adds each value and discards it; only the list version keeps them all (about 40 MB here)." },
      { text = "The list version peaks at 8 MB, the size of the list's pointers", why = "The peak also counts every int object the list keeps alive, about 40 MB on 3.11." },
    },
    hints = {
      "Which of the two holds every square at the same moment?",
      "Memory differs by orders of magnitude; speed depends on the machine.",
    },
    solution = "The generator's peak memory is tiny and constant; the time difference is small and can go either way",
    why = "\"Generators are faster\" is folklore; interviewers want evidence and the real trade-off (memory).",
  },
  {
    id = "iter.benchmark.tracemalloc",
    topic = "iter.benchmark",
    level = "intermediate",
    kind = "fill",
    prompt = "Complete the peak-memory measurement.",
    code = [[
import tracemalloc

tracemalloc.___()
total = sum(x * x for x in range(100_000))
current, peak = tracemalloc.___()
tracemalloc.stop()]],
    blanks = {
      { "start" },
      { "get_traced_memory" },
    },
    hints = {
      "Tracing must be switched on before the code runs.",
      "One function returns the pair (current, peak) in bytes.",
    },
    solution = "start\nget_traced_memory",
    why = "Measuring instead of guessing is what a senior answer does; tracemalloc is the standard-library tool.",
    wrong = { "start\nget_peak", "begin\nget_traced_memory" },
  },
}
