/*
** progress.h - the learner's progress store (SQLite) and the commands on it.
**
** One database (--db PATH, else $PYPREP_DB, else
** $XDG_DATA_HOME/pyprep/pyprep.db, default ~/.local/share/pyprep/) holds
** lessons read, every graded attempt, the scheduler's state per exercise
** and drill/interview sessions. Opening never fails: a locked, read-only,
** damaged or newer-version database degrades to read-only or to an
** in-memory store, and progress_problem() says so for the screen. Every
** write is its own transaction, committed (synchronous=FULL) before the
** call returns: an attempt acknowledged to the learner is on disk.
*/
#ifndef PYPREP_PROGRESS_H
#define PYPREP_PROGRESS_H

#include <stddef.h>
#include <stdint.h>

#include "exercises.h"
#include "schedule.h"

/* The schema version this build writes (PRAGMA user_version). */
#define PROGRESS_SCHEMA 2

typedef struct Progress Progress;

/* How the store ended up after opening. */
typedef enum {
    PROGRESS_RW,       /* reading and saving */
    PROGRESS_READONLY, /* reading the file, saving nothing */
    PROGRESS_MEMORY    /* the file is unusable: saving for this run only */
} ProgressMode;

/* Open flags. */
#define PROGRESS_OPEN_READONLY 0x1 /* never write (report, stats) */

/* ---- where the database is, and the process-wide handle ---- */

/* --db PATH from the command line (borrowed; NULL forgets it). */
void progress_set_path(const char *path);
/* The path in use: --db, else $PYPREP_DB, else the XDG default. New
** string; NULL only when no home directory can be found. */
char *progress_path_new(void);
/* Non-zero when the user named a database (--db or $PYPREP_DB): commands
** that record only on request (`pyprep grade`) check this. */
int progress_path_explicit(void);

/*
** The handle the TUI and commands share, opened on first use from
** progress_path_new() and closed at exit. Never NULL.
*/
Progress *progress_shared(void);

/* The clock (Unix seconds) the store and scheduler use. Default: time(),
** or $PYPREP_NOW (Unix seconds) when set, so tests can fix the day. */
int64_t progress_now(void);
void progress_set_clock(int64_t (*now)(void));

/* ---- opening ---- */

/* How long a write waits for another process's lock before giving up
** (default 5000 ms, or $PYPREP_BUSY_MS); for tests. Applies to stores
** opened afterwards. */
void progress_set_busy_timeout(int ms);

/*
** Open (creating and migrating as needed) the database at path. Never
** NULL: on trouble the store is read-only or in memory and
** progress_problem() explains. Free with progress_close().
*/
Progress *progress_open(const char *path, int flags);
void progress_close(Progress *p);

ProgressMode progress_mode(const Progress *p);
/* A one-line explanation when not PROGRESS_RW or after a failed write
** ("progress not saved: database is locked"), else NULL. Borrowed. */
const char *progress_problem(const Progress *p);
/* The schema version found in the file before migrating (0 = new). */
int progress_found_version(const Progress *p);

/* ---- lessons ---- */

/* Record that fraction (0..1) of a lesson has been read; keeps the
** furthest. Returns 0, or -1 when not saved (see progress_problem). */
int progress_lesson_read(Progress *p, const char *lesson_id,
                         double fraction);
/* The furthest fraction read, 0 if never opened. */
double progress_lesson_fraction(Progress *p, const char *lesson_id);

/* ---- attempts and the review queue ---- */

typedef struct {
    const char *exercise_id; /* required */
    const char *topic;       /* may be NULL */
    const char *kind;        /* "choice", "explain", ...; may be NULL */
    const char *answer;      /* what the learner gave; NULL = unanswered */
    double score;            /* 0..1 */
    int passed;
    int hints;               /* hints used */
    double seconds;          /* time taken, 0 if unknown */
    const char *mode;        /* "study", "review", "drill", "interview" */
    int64_t session_id;      /* 0 = none */
    int64_t time;            /* 0 = progress_now() */
} ProgressAttempt;

/*
** Store one graded attempt and update the exercise's review schedule, in
** one committed transaction. Returns the attempt's row id (> 0), or -1
** when it could not be saved (progress_problem says why).
*/
int64_t progress_record_attempt(Progress *p, const ProgressAttempt *a);

/*
** The one-liner for a grading screen or command: record exercise ex's
** verdict v for answer (NULL = unanswered) in mode ("study", ...), taking
** topic, kind, score, passed and hints from ex and v. A verdict with an
** error (a broken exercise) is not recorded. Returns as
** progress_record_attempt (0 for a skipped error verdict).
*/
int64_t progress_record_verdict(Progress *p, const GradeExercise *ex,
                                const char *answer, const GradeVerdict *v,
                                const char *mode, double seconds);

/* Exercises due for review at time now (0 = progress_now()). */
int progress_due_count(Progress *p, int64_t now);

typedef struct {
    char *exercise_id;
    char *topic;
    int64_t due;
} ProgressDue;

/*
** The due exercises at now (0 = progress_now()), at most max (0 = all),
** interleaved across topics: the most overdue of each topic in turn.
** *out is a new array of *n items; free with progress_due_free().
*/
int progress_due_list(Progress *p, int64_t now, int max, ProgressDue **out);
void progress_due_free(ProgressDue *d, int n);

/* The scheduler state of one exercise; 0 if found, -1 if never seen. */
int progress_sched_get(Progress *p, const char *exercise_id,
                       SchedState *st);

/* ---- sessions (drills, interviews) ---- */

typedef struct {
    const char *mode;  /* "drill" or "interview" */
    const char *title; /* may be NULL */
    const char *level; /* may be NULL */
    int64_t seed;
    int minutes;       /* time limit, 0 = none */
    int nitems;
} ProgressSession;

/* The saved end screen / scorecard text of session id, or when id <= 0
** of the latest finished session in mode. New string, or NULL. */
char *progress_session_card_new(Progress *p, const char *mode, int64_t id);

/* Start a session; returns its id (> 0), or -1 when not saved. */
int64_t progress_session_begin(Progress *p, const ProgressSession *s);
/* Finish it with the score (0..1), correct count and a JSON scorecard
** (borrowed, may be NULL). Returns 0 or -1. */
int progress_session_finish(Progress *p, int64_t id, double score,
                            int ncorrect, const char *detail_json);

/* ---- reset ---- */

typedef enum { RESET_EXERCISE, RESET_TOPIC, RESET_ALL } ProgressReset;

/* How many attempts a reset would delete (for the confirmation). */
int progress_reset_count(Progress *p, ProgressReset what, const char *arg);
/* Delete attempts and review state (and, for RESET_ALL, lessons read and
** sessions). Returns the attempts deleted, or -1. */
int progress_reset(Progress *p, ProgressReset what, const char *arg);

/* ---- reading back (report, stats) ---- */

typedef struct {
    int64_t id, time, session_id;
    const char *exercise_id, *topic, *kind, *answer, *mode;
    const char *followup_of; /* an interview follow-up: its parent's id */
    double score, seconds;
    int passed, hints;
} ProgressAttemptRow;

typedef struct {
    int64_t id, seed, started, finished;
    const char *mode, *title, *level, *detail;
    int minutes, nitems, ncorrect;
    double score; /* < 0 when unfinished */
} ProgressSessionRow;

/* Call fn for each attempt (oldest first) at or after since (0 = all),
** in mode (NULL = all). Rows are borrowed for the call. Returns the
** count, or -1. fn returning non-zero stops. */
int progress_each_attempt(Progress *p, int64_t since, const char *mode,
                          int (*fn)(const ProgressAttemptRow *, void *),
                          void *ud);
int progress_each_session(Progress *p, int64_t since, const char *mode,
                          int (*fn)(const ProgressSessionRow *, void *),
                          void *ud);

/* The same selection as one JSON document, built by SQLite's JSON
** functions: {"student", "generated", "attempts": [...], "sessions":
** [...]} with each session's scorecard embedded. New string, or NULL. */
char *progress_report_json_new(Progress *p, int64_t since, const char *mode,
                               const char *student);

/* Per-topic totals: attempts, passes, and the last score per exercise
** averaged (the mastery figure). */
typedef struct {
    char *topic;
    int attempts, passed, exercises;
    double mastery; /* 0..1 */
} ProgressTopic;

int progress_topics(Progress *p, ProgressTopic **out);
void progress_topics_free(ProgressTopic *t, int n);

/* Attempts and passes per day for the ndays days ending today (index
** ndays-1 is today, local time). Returns 0 or -1. */
int progress_daily(Progress *p, int ndays, int *attempts, int *passed);
/* Reviews due per day for the ndays days starting today. */
int progress_due_by_day(Progress *p, int ndays, int *due);
/* Consecutive days with at least one attempt, ending today (or yesterday
** when nothing yet today). */
int progress_streak(Progress *p);

/* ---- key/value settings (student name) ---- */

/* A new string, or NULL when unset. */
char *progress_get_setting(Progress *p, const char *key);
int progress_set_setting(Progress *p, const char *key, const char *value);

/* ---- sessions: review, drill, interview (app/screen_drill.c) ---- */

/* What a session serves. Strings are borrowed. */
typedef struct {
    const char *mode;  /* "review", "drill" or "interview" */
    const char *title; /* may be NULL */
    char **topics;     /* topic ids or chapter prefixes ("core") */
    int ntopics;
    const char *level; /* beginner|intermediate|advanced, or for
                          interviews junior|mid|senior; NULL = any */
    char **kinds;      /* kind names; none = any */
    int nkinds;
    char **ids;        /* explicit exercise ids (overrides filters) */
    int nids;
    int count;         /* 0 = all that match */
    double minutes;    /* time limit, 0 = none */
    uint64_t seed;     /* same seed + same content = same items */
} DrillSpec;

/*
** Choose the session's exercises: explicit ids in order, else those that
** match the filters, shuffled by seed (interviews: balanced across topics,
** one per topic per round). *out is a new array of borrowed pointers.
** Returns the count, or -1 with a message in err.
*/
int drill_select(const ExerciseSet *set, const DrillSpec *sp,
                 GradeExercise ***out, char *err, size_t errlen);

/* ---- screens (struct Screen is ui.h's Screen; content a Content *) ---- */

/* The stats screen (app/screen_stats.c). */
struct Screen *screen_stats_new(void *content);
/* A session over the spec (exercises loaded from content). NULL with a
** message in err when nothing matches. */
struct Screen *screen_drill_new(void *content, const DrillSpec *sp,
                                char *err, size_t errlen);
/* The review queue: due exercises, interleaved across topics. NULL after
** a ui_message when nothing is due (app/screen_review.c). */
struct Screen *screen_review_new(void *content);

/* ---- commands (app/cmd_<name>.c; wired in main.c) ---- */
int cmd_reset(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_review(int argc, char **argv);
int cmd_drill(int argc, char **argv);
int cmd_interview(int argc, char **argv);

/* Run a session on the terminal, or with list print its items (id, topic,
** kind, level; tab-separated). Returns the exit status. */
int drill_run(const DrillSpec *sp, int list);
/* Print the saved end screen of session id (id <= 0: the latest in mode).
** Returns 0, or 1 when there is none. */
int drill_show_card(const char *mode, int64_t id);

#endif
