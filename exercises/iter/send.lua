-- Exercises for iter.send: yield as an expression, priming, one value in
-- and one out.
return {
  {
    id = "iter.send.explain",
    topic = "iter.send",
    level = "advanced",
    kind = "explain",
    prompt = "What does `gen.send(value)` do? Why must a new generator first be primed with `next(gen)`?",
    hints = {
      "In `x = yield y`, yield works in both directions.",
      "send resumes the generator; the paused yield evaluates to the sent value. Where is a brand-new generator paused?",
      "A new generator has not reached any yield, so nothing can receive a value: next(gen) or send(None) runs it to the first yield.",
    },
    solution = "send(value) resumes the generator and makes the paused yield expression evaluate to value, so in x = yield result the generator receives it as x. It then runs to the next yield and send returns the value yielded there: one value in, one value out. A freshly created generator has not started, so there is no paused yield to receive anything; you prime it with next(gen), which is the same as send(None), to run it to the first yield. Sending a non-None value to a just-started generator raises TypeError. This is how generator-based coroutines such as a running average consume a stream and keep state.",
    why = "The two-way yield is the foundation of coroutines; priming is the detail interviewers probe.",
    rubric = {
      vocab = { "yield", "generator", "prime", "priming" },
      concepts = {
        { label = "send resumes the generator and the paused yield evaluates to the sent value", weight = 2,
          match = { "\\byield (?:\\w+ ){0,3}(?:evaluates|returns|becomes|receives|gets)\\b", "\\bvalue = yield\\b",
                    "\\b\\w+ = yield\\b", "\\bresult of (?:the )?yield\\b",
                    "\\b(?:into|to|at) the (?:paused |waiting |suspended )?yield\\b",
                    "\\bcomes? out (?:of|at) (?:the )?yield\\b", "\\bwhere it(?:'s| is| was)? (?:paused|stopped|suspended)\\b", "\\breceives? the (?:sent )?value\\b" } },
        { label = "send also returns the next yielded value (one in, one out)", weight = 1,
          match = { "\\bnext (?:yielded )?value\\b", "\\bnext yield\\b", "\\bone (?:value )?in,? (?:and )?one (?:value )?out\\b",
                    "\\breturns? (?:\\w+ ){0,4}(?:yielded|yields)\\b", "\\bhand(?:s|ing)? back\\b", "\\bstops? at the yield again\\b" } },
        { label = "priming: a new generator has reached no yield yet, so run it to the first one", weight = 2,
          match = { "\\bfirst yield\\b", "\\bprim(?:e|ed|es|ing)\\b", "\\bjust[- ]started\\b", "\\btypeerror\\b",
                    "\\b(?:has ?n't|has not|not yet|never) (?:yet )?(?:reached|started|hit|paused)\\b",
                    "\\bno (?:paused |waiting )?yield\\b", "\\bnext\\w*(?:\\(\\w*\\))? (?:\\w+ ){0,2}(?:to )?(?:start|advance)\\b", "\\bnothing (?:\\w+ ){0,3}(?:receive|catch|accept|take)\\w*\\b" } },
        { label = "next(gen) is send(None); used for coroutines that consume a stream", weight = 1,
          match = { "\\bsend\\(none\\)", "\\bcoroutines?\\b", "\\brunning (?:average|total)\\b", "\\bstate\\w*\\b",
                    "\\bclose\\b", "\\bgeneratorexit\\b", "\\bconsumers?\\b", "\\bawait\\b", "\\basync\\b" } },
      },
      red_flags = {
        { label = "send does not restart the generator or call the function again", penalty = 0.6,
          match = { "\\brestarts?\\b", "\\bstarts? over\\b", "\\bcalls? (?:the )?(?:generator )?function again\\b",
                    "\\bnew argument\\b" } },
        { label = "priming comes before send, not after", penalty = 0.6,
          match = { "\\bsend\\w*(?:\\(\\))? (?:\\w+ ){0,3}before (?:calling |using )?next\\b",
                    "\\bnext(?:\\(\\w*\\))? (?:\\w+ ){0,3}after (?:the )?(?:first )?send\\b",
                    "\\bprim\\w* (?:\\w+ ){0,2}with (?:a )?send\\b(?!\\s*\\(\\s*none)" } },
        { label = "next() sends None; send() is what delivers a value", penalty = 0.6,
          match = { "\\bnext\\b(?:\\(\\w*\\))? (?:\\w+ ){0,2}(?:passes|sends|gives|puts|delivers|pushes) (?:a |the |your )(?:value|data)\\b" } },
      },
    },
    samples = {
      good = {
        "send(value) resumes the generator and makes the paused yield expression evaluate to value, so value = yield result receives it; send then returns the next value the generator yields. A new generator has not reached any yield yet, so you must prime it with next(gen) or send(None), otherwise sending a value raises TypeError.",
        "Inside the generator, the line x = yield y waits. When the caller passes something in with send, that thing becomes x and the code keeps going until it stops at the yield again, handing back what it yields there. At the very start the code hasn't reached that line, so you first run it up to the first yield with a plain next call.",
        "send() resumes the generater and the paused yeild evaluates to the sent value. You must prime it first with next(), becuase a just-started generator has no yield waiting.",
      },
      bad = {
        "send() restarts the generator with a new argument value, like calling the function again, so you never need next().",
        "send, yield expression, priming, next, send(None), TypeError, coroutine.",
        "You call send before next: send starts the generator, and next then delivers the value to the paused yield.",
        "send does not resume the generator, and the yield expression does not receive the value.",
      },
    },
  },
  {
    id = "iter.send.next-is-send-none",
    topic = "iter.send",
    level = "advanced",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
def tally():
    total = 0
    while True:
        amount = yield total
        if amount is None:
            print("skip")
            continue
        total += amount


t = tally()
print(next(t))
print(t.send(5))
print(next(t))
print(t.send(2))]],
    expected = "0\n5\nskip\n5\n7",
    hints = {
      "The first next() runs to the first yield. What does it hand out?",
      "next(t) is the same as t.send(None).",
      "Each send returns the value of the next yield it reaches.",
    },
    why = "One value in, one value out, and next() sending None: the rhythm of a send-driven generator.",
    wrong = { "0\n5\n5\n7", "None\n5\nskip\n5\n7", "0\n5\nskip\nNone\n7" },
  },
  {
    id = "iter.send.mixed-next",
    topic = "iter.send",
    level = "advanced",
    kind = "bug",
    prompt = "This should print the running averages 3.0 and 4.0, but it raises `TypeError: unsupported operand type(s) for +=: 'int' and 'NoneType'`. Which line is the bug?",
    code = [[
def averager():
    total, count, avg = 0, 0, None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count


avg = averager()
next(avg)
for x in [3, 5]:
    avg.send(x)
    print(next(avg))]],
    buggy = 14,
    hints = {
      "Priming with next() once is right. What does every later next() send in?",
      "next(gen) is send(None): the yield evaluates to None and total += None fails.",
      "send() already returns the new average: print(avg.send(x)).",
    },
    solution = "Line 14: next(avg) sends None into the paused yield, so total += None fails. send() already returns the new average; print(avg.send(x)) and drop the extra next().",
    why = "Generators driven with send must be driven only with send; mixing in next() feeds them None.",
    wrong = { "11", "5", "13" },
  },
  {
    id = "iter.send.priming",
    topic = "iter.send",
    level = "intermediate",
    kind = "choice",
    prompt = "`g = running_average()` then `g.send(10)` raises `TypeError: can't send non-None value to a just-started generator`. Why?",
    options = {
      { text = "No yield has been reached yet, so nothing can receive the 10", correct = true,
        why = "Prime first with next(g) or g.send(None), which runs the body to its first yield." },
      { text = "send() only accepts None as its argument", why = "After priming, send accepts any value; that is its whole point." },
      { text = "running_average() must be called with the first value", why = "Arguments go to the call; values for the yield expression come through send." },
      { text = "The generator is already exhausted", why = "It has not even started: its state is GEN_CREATED." },
    },
    hints = {
      "Where is a brand-new generator paused?",
      "A value sent in becomes the result of the yield the generator is paused at.",
    },
    solution = "No yield has been reached yet, so nothing can receive the 10",
    why = "Priming is the detail everyone forgets the first time they use send.",
  },
}
