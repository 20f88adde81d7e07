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
}
