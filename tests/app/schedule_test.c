/*
** schedule_test.c - the SM-2 scheduler under a fake clock: intervals grow
** with good answers, misses come back in minutes, ease has a floor,
** intervals a ceiling, and hints lower the quality but not below a pass.
*/
#include <math.h>

#include "schedule.h"
#include "tap.h"

#define T0 1767225600 /* 2026-01-01T00:00:00Z */

int main(void)
{
    SchedState s = {0};
    int64_t now = T0;

    /* quality from a grade */
    is_int(sched_quality(1.0, 1, 0), 5, "sched: perfect answer is q5");
    is_int(sched_quality(0.85, 1, 0), 4, "sched: 0.85 passed is q4");
    is_int(sched_quality(0.6, 1, 0), 3, "sched: weak pass is q3");
    is_int(sched_quality(1.0, 1, 1), 4, "sched: one hint costs one step");
    is_int(sched_quality(1.0, 1, 5), 3, "sched: hints never fail a pass");
    is_int(sched_quality(0.6, 0, 0), 2, "sched: near miss is q2");
    is_int(sched_quality(0.1, 0, 0), 1, "sched: clear miss is q1");
    is_int(sched_quality(-1, 0, 0), 0, "sched: unanswered is q0");

    ok(!sched_is_due(&s, now), "sched: a never-seen item is not due");
    sched_update(&s, 5, now);
    is_int(s.reps, 1, "sched: first success counts a repetition");
    is_int(s.due - now, SCHED_DAY, "sched: first success -> due in 1 day");
    ok(fabs(s.ease - 2.6) < 1e-9, "sched: q5 raises ease to 2.6 (%.3f)",
       s.ease);
    ok(!sched_is_due(&s, now + SCHED_DAY - 1), "sched: not due a second early");
    ok(sched_is_due(&s, now + SCHED_DAY), "sched: due on the day");

    now += SCHED_DAY;
    sched_update(&s, 4, now);
    is_int(s.due - now, 6 * SCHED_DAY, "sched: second success -> 6 days");
    ok(fabs(s.ease - 2.6) < 1e-9, "sched: q4 keeps ease");

    now += 6 * SCHED_DAY;
    sched_update(&s, 3, now);
    ok(fabs(s.interval - 6 * 2.6) < 1e-9,
       "sched: third success -> interval x ease (%.2f days)", s.interval);
    ok(fabs(s.ease - 2.46) < 1e-9, "sched: q3 lowers ease by 0.14 (%.3f)",
       s.ease);

    now += 16 * SCHED_DAY;
    sched_update(&s, 1, now);
    is_int(s.reps, 0, "sched: a miss resets repetitions");
    is_int(s.lapses, 1, "sched: a miss after learning is a lapse");
    is_int(s.due - now, SCHED_RELEARN_SECONDS,
           "sched: a miss comes back in 10 minutes");
    ok(sched_is_due(&s, now + SCHED_RELEARN_SECONDS),
       "sched: missed item due after 10 minutes");
    ok(fabs(s.ease - 2.26) < 1e-9, "sched: a miss costs 0.2 ease");

    now += SCHED_RELEARN_SECONDS;
    sched_update(&s, 5, now);
    is_int(s.due - now, SCHED_DAY, "sched: relearnt item -> 1 day again");

    {
        SchedState m = {0};
        for (int i = 0; i < 20; i++)
            sched_update(&m, 0, T0 + i * 600);
        ok(fabs(m.ease - SCHED_MIN_EASE) < 1e-9, "sched: ease floor 1.3");
        is_int(m.lapses, 0, "sched: misses of a new item are not lapses");
    }
    {
        SchedState g = {0};
        int64_t t = T0;
        for (int i = 0; i < 30; i++) {
            sched_update(&g, 5, t);
            t = g.due;
        }
        ok(g.interval <= SCHED_MAX_INTERVAL && g.interval > 300,
           "sched: intervals capped at a year (%.0f days)", g.interval);
    }
    {
        SchedState a = {0}, b = {0};
        int qs[] = {5, 3, 1, 4, 5, 2, 5};
        int64_t t = T0;
        for (int i = 0; i < 7; i++) {
            sched_update(&a, qs[i], t);
            sched_update(&b, qs[i], t);
            t += 3 * SCHED_DAY;
        }
        ok(a.due == b.due && a.ease == b.ease && a.reps == b.reps,
           "sched: deterministic for the same history");
    }
    {
        /* solid answers are spaced further apart than weak ones */
        SchedState hi = {0}, lo = {0};
        int64_t t = T0;
        for (int i = 0; i < 4; i++) {
            sched_update(&hi, 5, t);
            sched_update(&lo, 3, t);
            t += 30 * SCHED_DAY;
        }
        ok(hi.due > lo.due, "sched: q5 history spaced beyond q3 history");
    }
    return tap_done();
}
