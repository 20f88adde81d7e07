/*
** progress.c - the SQLite progress store: open, migrate, record, query.
**
** Schema history lives in the migrations[] table: step i takes
** user_version i to i+1 inside one IMMEDIATE transaction, so a crash mid-
** migration leaves the old version intact. Every write is one IMMEDIATE
** transaction under WAL with synchronous=FULL and a busy timeout, so two
** pyprep processes share the file and an acknowledged write survives a
** SIGKILL. Failures never escape as crashes: they set p->problem, and the
** open path falls back to read-only or to an in-memory database.
*/
#include "progress.h"

#include <errno.h>
#include <stdarg.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "util.h"


struct Progress {
    sqlite3 *db;
    char *path;
    ProgressMode mode;
    int found_version;
    char problem[512];
    char open_problem[512]; /* why the mode is not RW; survives writes */
};

/* ------------------------------------------------------------------ */
/* Paths and the clock */

static const char *db_path_opt;
static int64_t (*clock_fn)(void);
static Progress *shared;
static int busy_timeout_ms = 5000;

void progress_set_busy_timeout(int ms)
{
    busy_timeout_ms = ms;
}

void progress_set_path(const char *path)
{
    db_path_opt = path;
}

char *progress_path_new(void)
{
    const char *e;

    if (db_path_opt && *db_path_opt)
        return xstrdup(db_path_opt);
    if ((e = getenv("PYPREP_DB")) && *e)
        return xstrdup(e);
    if ((e = getenv("XDG_DATA_HOME")) && *e == '/')
        return xasprintf("%s/pyprep/pyprep.db", e);
    if ((e = getenv("HOME")) && *e)
        return xasprintf("%s/.local/share/pyprep/pyprep.db", e);
    return NULL;
}

int progress_path_explicit(void)
{
    const char *e = getenv("PYPREP_DB");
    return (db_path_opt && *db_path_opt) || (e && *e);
}

int64_t progress_now(void)
{
    const char *e;

    if (clock_fn)
        return clock_fn();
    if ((e = getenv("PYPREP_NOW")) && *e)
        return strtoll(e, NULL, 10);
    return (int64_t)time(NULL);
}

void progress_set_clock(int64_t (*now)(void))
{
    clock_fn = now;
}

static void close_shared(void)
{
    progress_close(shared);
    shared = NULL;
}

Progress *progress_shared(void)
{
    if (!shared) {
        char *path = progress_path_new();
        shared = progress_open(path, 0);
        free(path);
        atexit(close_shared);
    }
    return shared;
}

/* ------------------------------------------------------------------ */
/* Errors */

static void set_problem(Progress *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void set_problem(Progress *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->problem, sizeof p->problem, fmt, ap);
    va_end(ap);
}

/* Say why a write failed, in words a learner can act on. */
static void write_failed(Progress *p, int rc)
{
    int base = rc & 0xff;
    if (base == SQLITE_BUSY || base == SQLITE_LOCKED)
        set_problem(p, "progress not saved: the database is locked by "
                       "another program (%s)", p->path);
    else if (base == SQLITE_READONLY)
        set_problem(p, "progress not saved: %s is read-only", p->path);
    else if (base == SQLITE_FULL)
        set_problem(p, "progress not saved: the disk is full");
    else
        set_problem(p, "progress not saved: %s",
                    p->db ? sqlite3_errmsg(p->db) : sqlite3_errstr(rc));
}

/* ------------------------------------------------------------------ */
/* Schema */

static const char *const migrations[] = {
    /* 0 -> 1: lessons read, attempts, review state, settings */
    "CREATE TABLE lesson_reads ("
    "  lesson_id TEXT PRIMARY KEY,"
    "  fraction REAL NOT NULL CHECK (fraction BETWEEN 0 AND 1),"
    "  first_read INTEGER NOT NULL,"
    "  last_read INTEGER NOT NULL);"
    "CREATE TABLE attempts ("
    "  id INTEGER PRIMARY KEY,"
    "  exercise_id TEXT NOT NULL,"
    "  topic TEXT,"
    "  kind TEXT,"
    "  time INTEGER NOT NULL,"
    "  answer TEXT,"
    "  score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),"
    "  passed INTEGER NOT NULL,"
    "  mode TEXT NOT NULL,"
    "  hints INTEGER NOT NULL DEFAULT 0,"
    "  seconds REAL NOT NULL DEFAULT 0);"
    "CREATE INDEX attempts_exercise ON attempts(exercise_id);"
    "CREATE INDEX attempts_time ON attempts(time);"
    "CREATE TABLE review ("
    "  exercise_id TEXT PRIMARY KEY,"
    "  topic TEXT,"
    "  ease REAL NOT NULL,"
    "  interval REAL NOT NULL,"
    "  reps INTEGER NOT NULL,"
    "  lapses INTEGER NOT NULL,"
    "  due INTEGER NOT NULL,"
    "  last INTEGER NOT NULL);"
    "CREATE INDEX review_due ON review(due);"
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);",
    /* 1 -> 2: drill and interview sessions; attempts point at theirs */
    "CREATE TABLE sessions ("
    "  id INTEGER PRIMARY KEY,"
    "  mode TEXT NOT NULL,"
    "  title TEXT,"
    "  level TEXT,"
    "  seed INTEGER NOT NULL DEFAULT 0,"
    "  minutes INTEGER NOT NULL DEFAULT 0,"
    "  nitems INTEGER NOT NULL DEFAULT 0,"
    "  started INTEGER NOT NULL,"
    "  finished INTEGER,"
    "  score REAL,"
    "  ncorrect INTEGER,"
    "  detail TEXT);"
    "ALTER TABLE attempts ADD COLUMN session_id INTEGER"
    "  REFERENCES sessions(id) ON DELETE SET NULL;"
    "CREATE INDEX attempts_session ON attempts(session_id);",
};

#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

_Static_assert(NMIGRATIONS == PROGRESS_SCHEMA,
               "one migration per schema version");

static int user_version(sqlite3 *db, int *v)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *v = sqlite3_column_int(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

/* Bring db from version `from` to PROGRESS_SCHEMA, one transaction per
** step. The version is re-read under the write lock: another process may
** have migrated while we waited. */
static int migrate(sqlite3 *db, char *err, size_t errlen)
{
    int v, rc;

    for (;;) {
        char *msg = NULL, sql[64];
        if ((rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, &msg)))
            goto fail;
        if ((rc = user_version(db, &v)) != SQLITE_OK)
            goto fail;
        if (v >= PROGRESS_SCHEMA) {
            sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
            return SQLITE_OK;
        }
        if ((rc = sqlite3_exec(db, migrations[v], NULL, NULL, &msg)))
            goto fail;
        snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
        if ((rc = sqlite3_exec(db, sql, NULL, NULL, &msg)))
            goto fail;
        if ((rc = sqlite3_exec(db, "COMMIT", NULL, NULL, &msg)))
            goto fail;
        continue;
    fail:
        snprintf(err, errlen, "%s",
                 msg ? msg : sqlite3_errstr(rc));
        sqlite3_free(msg);
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
}

/* ------------------------------------------------------------------ */
/* Opening */

static int mkdir_parents(const char *path)
{
    char *dir = xstrdup(path);
    int rc = 0;

    for (char *s = dir + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(dir, 0700) < 0 && errno != EEXIST)
            rc = -1;
        *s = '/';
    }
    free(dir);
    return rc;
}

static void configure(sqlite3 *db)
{
    /* $PYPREP_BUSY_MS: for tests (and very slow shared disks) */
    const char *e = getenv("PYPREP_BUSY_MS");
    sqlite3_busy_timeout(db, e && *e ? atoi(e) : busy_timeout_ms);
    sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
    sqlite3_exec(db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
}

/* The fallback: an empty, current-schema database in memory. */
static void open_memory(Progress *p)
{
    char err[256];

    if (p->db)
        sqlite3_close(p->db);
    p->db = NULL;
    p->mode = PROGRESS_MEMORY;
    if (sqlite3_open(":memory:", &p->db) != SQLITE_OK) {
        sqlite3_close(p->db);
        p->db = NULL;
        return;
    }
    configure(p->db);
    if (migrate(p->db, err, sizeof err) != SQLITE_OK) {
        sqlite3_close(p->db);
        p->db = NULL;
    }
}

/* Check the file is a healthy SQLite database; fills err if not. */
static int healthy(sqlite3 *db, char *err, size_t errlen)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, NULL);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "%s", sqlite3_errmsg(db));
        return rc;
    }
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *r = (const char *)sqlite3_column_text(st, 0);
        if (r && strcmp(r, "ok") == 0) {
            rc = SQLITE_OK;
        } else {
            snprintf(err, errlen, "%s", r ? r : "check failed");
            rc = SQLITE_CORRUPT;
        }
    } else {
        snprintf(err, errlen, "%s", sqlite3_errmsg(db));
    }
    sqlite3_finalize(st);
    return rc;
}

static int open_file(Progress *p, int flags)
{
    int rc = sqlite3_open_v2(p->path, &p->db, flags, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_close(p->db);
        p->db = NULL;
    } else {
        configure(p->db);
    }
    return rc;
}

static void degrade(Progress *p, ProgressMode mode, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void degrade(Progress *p, ProgressMode mode, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->open_problem, sizeof p->open_problem, fmt, ap);
    va_end(ap);
    snprintf(p->problem, sizeof p->problem, "%s", p->open_problem);
    if (mode == PROGRESS_MEMORY)
        open_memory(p);
    else
        p->mode = mode;
}

Progress *progress_open(const char *path, int flags)
{
    Progress *p = xcalloc(1, sizeof *p);
    char err[256] = "";
    struct stat sb;
    int rc, exists;

    p->mode = PROGRESS_RW;
    if (!path) {
        p->path = xstrdup("(none)");
        degrade(p, PROGRESS_MEMORY, "progress not saved: no home directory "
                                    "for the database; use --db PATH");
        return p;
    }
    p->path = xstrdup(path);
    exists = stat(path, &sb) == 0;
    if (flags & PROGRESS_OPEN_READONLY) {
        if (!exists) {
            /* nothing recorded yet: an empty store, no complaint */
            open_memory(p);
            p->mode = PROGRESS_READONLY;
            return p;
        }
        rc = open_file(p, SQLITE_OPEN_READONLY);
        p->mode = PROGRESS_READONLY;
    } else {
        if (!exists && mkdir_parents(path) < 0) {
            degrade(p, PROGRESS_MEMORY,
                    "progress not saved: cannot create the folder for %s (%s)",
                    path, strerror(errno));
            return p;
        }
        rc = open_file(p, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        if (rc != SQLITE_OK && exists) {
            rc = open_file(p, SQLITE_OPEN_READONLY);
            if (rc == SQLITE_OK)
                degrade(p, PROGRESS_READONLY,
                        "progress is read-only: cannot write %s", path);
        }
    }
    if (rc != SQLITE_OK) {
        degrade(p, PROGRESS_MEMORY, "progress not saved: cannot open %s (%s)",
                path, sqlite3_errstr(rc));
        return p;
    }
    if ((rc = user_version(p->db, &p->found_version)) != SQLITE_OK ||
        (rc = healthy(p->db, err, sizeof err)) != SQLITE_OK) {
        if ((rc & 0xff) == SQLITE_BUSY)
            degrade(p, PROGRESS_MEMORY,
                    "progress not saved: %s is locked by another program",
                    path);
        else
            degrade(p, PROGRESS_MEMORY,
                    "progress not saved: %s is damaged (%s); move it aside "
                    "to start a new one",
                    path, err[0] ? err : sqlite3_errstr(rc));
        return p;
    }
    if (p->found_version > PROGRESS_SCHEMA) {
        degrade(p, PROGRESS_READONLY,
                "progress is read-only: %s is from a newer pyprep "
                "(schema %d, this one knows %d)",
                path, p->found_version, PROGRESS_SCHEMA);
        return p;
    }
    if (p->mode != PROGRESS_RW) {
        if (p->found_version < PROGRESS_SCHEMA)
            degrade(p, PROGRESS_MEMORY,
                    "progress not saved: %s needs upgrading but is "
                    "read-only", path);
        return p;
    }
    if (sqlite3_db_readonly(p->db, "main") == 1) {
        degrade(p, PROGRESS_READONLY, "progress is read-only: cannot write %s",
                path);
        return p;
    }
    /* WAL lets a reader and a writer (two pyprep windows) work at once */
    sqlite3_exec(p->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
    if (p->found_version < PROGRESS_SCHEMA &&
        (rc = migrate(p->db, err, sizeof err)) != SQLITE_OK) {
        int base = rc & 0xff;
        if (base == SQLITE_BUSY || base == SQLITE_LOCKED)
            degrade(p, PROGRESS_MEMORY,
                    "progress not saved: %s is locked by another program",
                    path);
        else if (base == SQLITE_READONLY)
            degrade(p, PROGRESS_MEMORY,
                    "progress not saved: %s is read-only and needs upgrading",
                    path);
        else
            degrade(p, PROGRESS_MEMORY,
                    "progress not saved: upgrading %s failed (%s)", path, err);
    }
    return p;
}

void progress_close(Progress *p)
{
    if (!p)
        return;
    if (p->db)
        sqlite3_close_v2(p->db);
    free(p->path);
    free(p);
}

ProgressMode progress_mode(const Progress *p)
{
    return p->mode;
}

const char *progress_problem(const Progress *p)
{
    return p->problem[0] ? p->problem : NULL;
}

int progress_found_version(const Progress *p)
{
    return p->found_version;
}

/* ------------------------------------------------------------------ */
/* Statement helpers */

static sqlite3_stmt *prep(Progress *p, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (!p->db)
        return NULL;
    if (sqlite3_prepare_v2(p->db, sql, -1, &st, NULL) != SQLITE_OK) {
        set_problem(p, "progress: %s", sqlite3_errmsg(p->db));
        return NULL;
    }
    return st;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

static int can_write(Progress *p)
{
    if (!p->db || p->mode == PROGRESS_READONLY) {
        snprintf(p->problem, sizeof p->problem, "%s",
                 p->open_problem[0] ? p->open_problem
                                    : "progress is read-only");
        return 0;
    }
    return 1;
}

static int begin(Progress *p)
{
    int rc = sqlite3_exec(p->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        write_failed(p, rc);
    return rc;
}

/* Commit, or roll back and report rc. A successful commit clears a
** problem left by an earlier failed write (but not the open mode's). */
static int finish(Progress *p, int rc)
{
    if (rc == SQLITE_OK || rc == SQLITE_DONE) {
        rc = sqlite3_exec(p->db, "COMMIT", NULL, NULL, NULL);
        if (rc == SQLITE_OK) {
            snprintf(p->problem, sizeof p->problem, "%s", p->open_problem);
            return 0;
        }
    }
    write_failed(p, rc);
    sqlite3_exec(p->db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
}

/* Step a write statement and finalize it; SQLITE_OK or the error. */
static int run(sqlite3_stmt *st)
{
    int rc;
    if (!st)
        return SQLITE_ERROR;
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* ------------------------------------------------------------------ */
/* Lessons */

int progress_lesson_read(Progress *p, const char *lesson_id, double fraction)
{
    sqlite3_stmt *st;
    int64_t now = progress_now();

    if (!p || !lesson_id || !can_write(p))
        return -1;
    if (fraction < 0 || fraction != fraction)
        fraction = 0;
    if (fraction > 1)
        fraction = 1;
    if (begin(p) != SQLITE_OK)
        return -1;
    st = prep(p, "INSERT INTO lesson_reads VALUES (?1, ?2, ?3, ?3) "
                 "ON CONFLICT(lesson_id) DO UPDATE SET "
                 "fraction = max(fraction, excluded.fraction), "
                 "last_read = excluded.last_read");
    if (st) {
        sqlite3_bind_text(st, 1, lesson_id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_double(st, 2, fraction);
        sqlite3_bind_int64(st, 3, now);
    }
    return finish(p, run(st));
}

double progress_lesson_fraction(Progress *p, const char *lesson_id)
{
    sqlite3_stmt *st;
    double f = 0;

    if (!p || !lesson_id ||
        !(st = prep(p, "SELECT fraction FROM lesson_reads "
                       "WHERE lesson_id = ?")))
        return 0;
    sqlite3_bind_text(st, 1, lesson_id, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW)
        f = sqlite3_column_double(st, 0);
    sqlite3_finalize(st);
    return f;
}

/* ------------------------------------------------------------------ */
/* Attempts and scheduling */

static int sched_load(Progress *p, const char *id, SchedState *s)
{
    sqlite3_stmt *st = prep(p, "SELECT ease, interval, reps, lapses, due, "
                               "last FROM review WHERE exercise_id = ?");
    int found = -1;

    memset(s, 0, sizeof *s);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) {
        s->ease = sqlite3_column_double(st, 0);
        s->interval = sqlite3_column_double(st, 1);
        s->reps = sqlite3_column_int(st, 2);
        s->lapses = sqlite3_column_int(st, 3);
        s->due = sqlite3_column_int64(st, 4);
        s->last = sqlite3_column_int64(st, 5);
        found = 0;
    }
    sqlite3_finalize(st);
    return found;
}

int progress_sched_get(Progress *p, const char *exercise_id, SchedState *st)
{
    if (!p || !exercise_id) {
        memset(st, 0, sizeof *st);
        return -1;
    }
    return sched_load(p, exercise_id, st);
}

int64_t progress_record_attempt(Progress *p, const ProgressAttempt *a)
{
    sqlite3_stmt *st;
    SchedState s;
    int64_t now, id = -1;
    double score;
    int rc;

    if (!p || !a || !a->exercise_id || !can_write(p))
        return -1;
    now = a->time ? a->time : progress_now();
    score = a->score < 0 || a->score != a->score ? 0
            : a->score > 1                       ? 1
                                                 : a->score;
    if (begin(p) != SQLITE_OK)
        return -1;
    st = prep(p, "INSERT INTO attempts (exercise_id, topic, kind, time, "
                 "answer, score, passed, mode, hints, seconds, session_id) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (st) {
        bind_text(st, 1, a->exercise_id);
        bind_text(st, 2, a->topic);
        bind_text(st, 3, a->kind);
        sqlite3_bind_int64(st, 4, now);
        bind_text(st, 5, a->answer);
        sqlite3_bind_double(st, 6, score);
        sqlite3_bind_int(st, 7, a->passed != 0);
        bind_text(st, 8, a->mode ? a->mode : "study");
        sqlite3_bind_int(st, 9, a->hints);
        sqlite3_bind_double(st, 10, a->seconds);
        if (a->session_id > 0)
            sqlite3_bind_int64(st, 11, a->session_id);
        else
            sqlite3_bind_null(st, 11);
    }
    rc = run(st);
    if (rc == SQLITE_OK) {
        id = sqlite3_last_insert_rowid(p->db);
        sched_load(p, a->exercise_id, &s);
        sched_update(&s,
                     a->answer ? sched_quality(score, a->passed, a->hints)
                               : 0,
                     now);
        st = prep(p, "INSERT OR REPLACE INTO review VALUES "
                     "(?, ?, ?, ?, ?, ?, ?, ?)");
        if (st) {
            bind_text(st, 1, a->exercise_id);
            bind_text(st, 2, a->topic);
            sqlite3_bind_double(st, 3, s.ease);
            sqlite3_bind_double(st, 4, s.interval);
            sqlite3_bind_int(st, 5, s.reps);
            sqlite3_bind_int(st, 6, s.lapses);
            sqlite3_bind_int64(st, 7, s.due);
            sqlite3_bind_int64(st, 8, s.last);
        }
        rc = run(st);
    }
    return finish(p, rc) == 0 ? id : -1;
}

int64_t progress_record_verdict(Progress *p, const GradeExercise *ex,
                                const char *answer, const GradeVerdict *v,
                                const char *mode, double seconds)
{
    ProgressAttempt a = {0};

    if (!ex || !v || v->error)
        return 0;
    a.exercise_id = ex->id;
    a.topic = ex->topic;
    a.kind = grade_kind_name(ex->kind);
    a.answer = answer;
    a.score = answer ? v->score : 0;
    a.passed = answer && v->passed;
    a.hints = v->hints_used;
    a.seconds = seconds;
    a.mode = mode;
    return progress_record_attempt(p, &a);
}

int progress_due_count(Progress *p, int64_t now)
{
    sqlite3_stmt *st;
    int n = 0;

    if (!p || !(st = prep(p, "SELECT count(*) FROM review WHERE due <= ?")))
        return 0;
    sqlite3_bind_int64(st, 1, now ? now : progress_now());
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

int progress_due_list(Progress *p, int64_t now, int max, ProgressDue **out)
{
    sqlite3_stmt *st;
    ProgressDue *all = NULL, *res;
    int n = 0, cap = 0, k = 0;
    char *taken;

    *out = NULL;
    if (!p || !(st = prep(p, "SELECT exercise_id, topic, due FROM review "
                             "WHERE due <= ? ORDER BY due, exercise_id")))
        return 0;
    sqlite3_bind_int64(st, 1, now ? now : progress_now());
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 1);
        if (n == cap)
            all = xrealloc(all, (size_t)(cap = cap ? 2 * cap : 16) *
                                    sizeof *all);
        all[n].exercise_id =
            xstrdup((const char *)sqlite3_column_text(st, 0));
        all[n].topic = t ? xstrdup(t) : NULL;
        all[n].due = sqlite3_column_int64(st, 2);
        n++;
    }
    sqlite3_finalize(st);
    if (n == 0)
        return 0;
    /* interleave: each round takes the most overdue item of every topic,
    ** topics in order of their most overdue item */
    res = xmalloc((size_t)n * sizeof *res);
    taken = xcalloc((size_t)n, 1);
    while (k < n) {
        int round_start = k;
        for (int i = 0; i < n; i++) {
            int seen = 0;
            if (taken[i])
                continue;
            for (int j = round_start; j < k && !seen; j++)
                seen = same(res[j].topic, all[i].topic);
            if (seen)
                continue;
            res[k++] = all[i];
            taken[i] = 1;
        }
    }
    free(taken);
    free(all);
    if (max > 0 && n > max) {
        for (int i = max; i < n; i++) {
            free(res[i].exercise_id);
            free(res[i].topic);
        }
        n = max;
    }
    *out = res;
    return n;
}

void progress_due_free(ProgressDue *d, int n)
{
    if (!d)
        return;
    for (int i = 0; i < n; i++) {
        free(d[i].exercise_id);
        free(d[i].topic);
    }
    free(d);
}

/* ------------------------------------------------------------------ */
/* Sessions */

int64_t progress_session_begin(Progress *p, const ProgressSession *s)
{
    sqlite3_stmt *st;
    int64_t id = -1;
    int rc;

    if (!p || !s || !can_write(p) || begin(p) != SQLITE_OK)
        return -1;
    st = prep(p, "INSERT INTO sessions (mode, title, level, seed, minutes, "
                 "nitems, started) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (st) {
        bind_text(st, 1, s->mode ? s->mode : "drill");
        bind_text(st, 2, s->title);
        bind_text(st, 3, s->level);
        sqlite3_bind_int64(st, 4, s->seed);
        sqlite3_bind_int(st, 5, s->minutes);
        sqlite3_bind_int(st, 6, s->nitems);
        sqlite3_bind_int64(st, 7, progress_now());
    }
    rc = run(st);
    if (rc == SQLITE_OK)
        id = sqlite3_last_insert_rowid(p->db);
    return finish(p, rc) == 0 ? id : -1;
}

int progress_session_finish(Progress *p, int64_t id, double score,
                            int ncorrect, const char *detail_json)
{
    sqlite3_stmt *st;

    if (!p || id <= 0 || !can_write(p) || begin(p) != SQLITE_OK)
        return -1;
    st = prep(p, "UPDATE sessions SET finished = ?, score = ?, ncorrect = ?, "
                 "detail = ? WHERE id = ?");
    if (st) {
        sqlite3_bind_int64(st, 1, progress_now());
        sqlite3_bind_double(st, 2, score);
        sqlite3_bind_int(st, 3, ncorrect);
        bind_text(st, 4, detail_json);
        sqlite3_bind_int64(st, 5, id);
    }
    return finish(p, run(st));
}

char *progress_session_card_new(Progress *p, const char *mode, int64_t id)
{
    sqlite3_stmt *st;
    char *card = NULL;

    if (!p || !(st = prep(p, "SELECT json_extract(detail, '$.card') FROM "
                             "sessions WHERE CASE WHEN ?1 > 0 THEN id = ?1 "
                             "ELSE finished IS NOT NULL AND (?2 IS NULL OR "
                             "mode = ?2) END AND json_valid(detail) "
                             "ORDER BY id DESC LIMIT 1")))
        return NULL;
    sqlite3_bind_int64(st, 1, id);
    bind_text(st, 2, mode);
    if (sqlite3_step(st) == SQLITE_ROW && col_text(st, 0))
        card = xstrdup(col_text(st, 0));
    sqlite3_finalize(st);
    return card;
}

/* ------------------------------------------------------------------ */
/* Reset */

static const char *reset_where(ProgressReset what)
{
    return what == RESET_EXERCISE ? " WHERE exercise_id = ?1"
           : what == RESET_TOPIC  ? " WHERE topic = ?1"
                                  : "";
}

int progress_reset_count(Progress *p, ProgressReset what, const char *arg)
{
    sqlite3_stmt *st;
    char sql[128];
    int n = 0;

    if (!p)
        return 0;
    snprintf(sql, sizeof sql, "SELECT count(*) FROM attempts%s",
             reset_where(what));
    if (!(st = prep(p, sql)))
        return -1;
    if (what != RESET_ALL)
        bind_text(st, 1, arg);
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

int progress_reset(Progress *p, ProgressReset what, const char *arg)
{
    static const char *const tables_all[] = {"attempts", "review",
                                             "lesson_reads", "sessions"};
    int n, rc = SQLITE_OK, ntables = what == RESET_ALL ? 4 : 2;

    if (!p || !can_write(p))
        return -1;
    if (begin(p) != SQLITE_OK)
        return -1;
    n = progress_reset_count(p, what, arg);
    for (int i = 0; i < ntables && rc == SQLITE_OK; i++) {
        char sql[128];
        sqlite3_stmt *st;
        snprintf(sql, sizeof sql, "DELETE FROM %s%s", tables_all[i],
                 reset_where(what));
        st = prep(p, sql);
        if (st && what != RESET_ALL)
            bind_text(st, 1, arg);
        rc = run(st);
    }
    return finish(p, rc) == 0 ? n : -1;
}

/* ------------------------------------------------------------------ */
/* Reading back */

/* An attempt row's parent question when it was an interview follow-up:
** the link lives in its session's saved scorecard (items[].followup_of),
** so the schema needs no column for it. For a SELECT over attempts AS a. */
#define FOLLOWUP_OF                                                        \
    "(SELECT json_extract(j.value, '$.followup_of') FROM sessions s, "     \
    "json_each(CASE WHEN json_valid(s.detail) THEN s.detail ELSE '{}' "    \
    "END, '$.items') j WHERE s.id = a.session_id AND "                     \
    "json_extract(j.value, '$.id') = a.exercise_id LIMIT 1)"

int progress_each_attempt(Progress *p, int64_t since, const char *mode,
                          int (*fn)(const ProgressAttemptRow *, void *),
                          void *ud)
{
    sqlite3_stmt *st;
    int n = 0;

    if (!p || !(st = prep(p, "SELECT id, time, coalesce(session_id, 0), "
                             "exercise_id, topic, kind, answer, mode, score, "
                             "seconds, passed, hints, " FOLLOWUP_OF
                             " FROM attempts a "
                             "WHERE time >= ?1 AND (?2 IS NULL OR mode = ?2) "
                             "ORDER BY time, id")))
        return -1;
    sqlite3_bind_int64(st, 1, since);
    bind_text(st, 2, mode);
    while (sqlite3_step(st) == SQLITE_ROW) {
        ProgressAttemptRow r;
        r.id = sqlite3_column_int64(st, 0);
        r.time = sqlite3_column_int64(st, 1);
        r.session_id = sqlite3_column_int64(st, 2);
        r.exercise_id = col_text(st, 3);
        r.topic = col_text(st, 4);
        r.kind = col_text(st, 5);
        r.answer = col_text(st, 6);
        r.mode = col_text(st, 7);
        r.score = sqlite3_column_double(st, 8);
        r.seconds = sqlite3_column_double(st, 9);
        r.passed = sqlite3_column_int(st, 10);
        r.hints = sqlite3_column_int(st, 11);
        r.followup_of = col_text(st, 12);
        n++;
        if (fn && fn(&r, ud))
            break;
    }
    sqlite3_finalize(st);
    return n;
}

int progress_each_session(Progress *p, int64_t since, const char *mode,
                          int (*fn)(const ProgressSessionRow *, void *),
                          void *ud)
{
    sqlite3_stmt *st;
    int n = 0;

    if (!p || !(st = prep(p, "SELECT id, seed, started, coalesce(finished, 0),"
                             " mode, title, level, detail, minutes, nitems, "
                             "coalesce(ncorrect, 0), coalesce(score, -1) "
                             "FROM sessions WHERE started >= ?1 AND "
                             "(?2 IS NULL OR mode = ?2) ORDER BY started, id")))
        return -1;
    sqlite3_bind_int64(st, 1, since);
    bind_text(st, 2, mode);
    while (sqlite3_step(st) == SQLITE_ROW) {
        ProgressSessionRow r;
        r.id = sqlite3_column_int64(st, 0);
        r.seed = sqlite3_column_int64(st, 1);
        r.started = sqlite3_column_int64(st, 2);
        r.finished = sqlite3_column_int64(st, 3);
        r.mode = col_text(st, 4);
        r.title = col_text(st, 5);
        r.level = col_text(st, 6);
        r.detail = col_text(st, 7);
        r.minutes = sqlite3_column_int(st, 8);
        r.nitems = sqlite3_column_int(st, 9);
        r.ncorrect = sqlite3_column_int(st, 10);
        r.score = sqlite3_column_double(st, 11);
        n++;
        if (fn && fn(&r, ud))
            break;
    }
    sqlite3_finalize(st);
    return n;
}

char *progress_report_json_new(Progress *p, int64_t since, const char *mode,
                               const char *student)
{
    /* one statement builds the document; json() embeds each scorecard as
    ** JSON rather than as a string, and rejects a malformed one */
    static const char sql[] =
        "SELECT json_object("
        " 'student', ?3,"
        " 'generated', strftime('%Y-%m-%dT%H:%M:%SZ', ?4, 'unixepoch'),"
        " 'attempts', (SELECT json_group_array(json_object("
        "   'id', id, 'time', strftime('%Y-%m-%dT%H:%M:%SZ', time,"
        "   'unixepoch'), 'exercise', exercise_id, 'topic', topic,"
        "   'kind', kind, 'mode', mode, 'answer', answer, 'score', score,"
        "   'passed', json(CASE WHEN passed THEN 'true' ELSE 'false' END),"
        "   'hints', hints, 'seconds', seconds, 'session', session_id,"
        "   'followup_of', " FOLLOWUP_OF "))"
        "   FROM (SELECT * FROM attempts WHERE time >= ?1 AND"
        "   (?2 IS NULL OR mode = ?2) ORDER BY time, id) a),"
        " 'sessions', (SELECT json_group_array(json_object("
        "   'id', id, 'mode', mode, 'title', title, 'level', level,"
        "   'seed', seed, 'minutes', minutes, 'items', nitems,"
        "   'started', strftime('%Y-%m-%dT%H:%M:%SZ', started, 'unixepoch'),"
        "   'finished', CASE WHEN finished IS NULL THEN NULL ELSE"
        "   strftime('%Y-%m-%dT%H:%M:%SZ', finished, 'unixepoch') END,"
        "   'score', score, 'correct', ncorrect,"
        "   'scorecard', CASE WHEN json_valid(detail) THEN json(detail)"
        "   ELSE detail END))"
        "   FROM (SELECT * FROM sessions WHERE started >= ?1 AND"
        "   (?2 IS NULL OR mode = ?2) ORDER BY started, id)))";
    sqlite3_stmt *st;
    char *res = NULL;

    if (!p || !(st = prep(p, sql)))
        return NULL;
    sqlite3_bind_int64(st, 1, since);
    bind_text(st, 2, mode);
    bind_text(st, 3, student);
    sqlite3_bind_int64(st, 4, progress_now());
    if (sqlite3_step(st) == SQLITE_ROW && col_text(st, 0))
        res = xstrdup(col_text(st, 0));
    else
        set_problem(p, "progress: %s", sqlite3_errmsg(p->db));
    sqlite3_finalize(st);
    return res;
}

int progress_topics(Progress *p, ProgressTopic **out)
{
    /* mastery: the latest score of each exercise, averaged per topic */
    sqlite3_stmt *st;
    int n = 0, cap = 0;

    *out = NULL;
    if (!p || !(st = prep(p, "WITH latest AS (SELECT coalesce(topic, '') "
                             "AS t, score, row_number() OVER (PARTITION BY "
                             "exercise_id ORDER BY time DESC, id DESC) AS rn "
                             "FROM attempts), m AS MATERIALIZED (SELECT t, "
                             "avg(score) AS mastery FROM latest WHERE rn = 1 "
                             "GROUP BY t) "
                             "SELECT coalesce(a.topic, ''), count(*), "
                             "sum(passed), count(DISTINCT exercise_id), "
                             "coalesce(max(m.mastery), 0) FROM attempts a "
                             "LEFT JOIN m ON m.t = coalesce(a.topic, '') "
                             "GROUP BY 1 ORDER BY 1")))
        return -1;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (n == cap)
            *out = xrealloc(*out, (size_t)(cap = cap ? 2 * cap : 16) *
                                      sizeof **out);
        (*out)[n].topic = xstrdup(col_text(st, 0));
        (*out)[n].attempts = sqlite3_column_int(st, 1);
        (*out)[n].passed = sqlite3_column_int(st, 2);
        (*out)[n].exercises = sqlite3_column_int(st, 3);
        (*out)[n].mastery = sqlite3_column_double(st, 4);
        n++;
    }
    sqlite3_finalize(st);
    return n;
}

void progress_topics_free(ProgressTopic *t, int n)
{
    for (int i = 0; i < n; i++)
        free(t[i].topic);
    free(t);
}

/* Local midnight `back` days before the day of now. */
static int64_t day_start(int64_t now, int back)
{
    time_t t = (time_t)now;
    struct tm tm;

    localtime_r(&t, &tm);
    tm.tm_mday -= back;
    tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
    tm.tm_isdst = -1;
    return (int64_t)mktime(&tm);
}

int progress_daily(Progress *p, int ndays, int *attempts, int *passed)
{
    sqlite3_stmt *st;
    int64_t now = progress_now(), *starts;

    memset(attempts, 0, (size_t)ndays * sizeof *attempts);
    memset(passed, 0, (size_t)ndays * sizeof *passed);
    if (!p || ndays <= 0)
        return -1;
    starts = xmalloc((size_t)(ndays + 1) * sizeof *starts);
    for (int i = 0; i <= ndays; i++)
        starts[i] = day_start(now, ndays - 1 - i);
    if (!(st = prep(p, "SELECT time, passed FROM attempts WHERE time >= ? "
                       "AND time < ?"))) {
        free(starts);
        return -1;
    }
    sqlite3_bind_int64(st, 1, starts[0]);
    sqlite3_bind_int64(st, 2, starts[ndays]);
    while (sqlite3_step(st) == SQLITE_ROW) {
        int64_t t = sqlite3_column_int64(st, 0);
        int lo = 0, hi = ndays - 1;
        while (lo < hi) { /* last day whose start is <= t */
            int mid = (lo + hi + 1) / 2;
            if (starts[mid] <= t)
                lo = mid;
            else
                hi = mid - 1;
        }
        attempts[lo]++;
        passed[lo] += sqlite3_column_int(st, 1) != 0;
    }
    sqlite3_finalize(st);
    free(starts);
    return 0;
}

int progress_due_by_day(Progress *p, int ndays, int *due)
{
    sqlite3_stmt *st;
    int64_t now = progress_now();

    memset(due, 0, (size_t)ndays * sizeof *due);
    if (!p || ndays <= 0 || !(st = prep(p, "SELECT due FROM review")))
        return -1;
    while (sqlite3_step(st) == SQLITE_ROW) {
        int64_t t = sqlite3_column_int64(st, 0);
        int d = 0;
        /* overdue items count as due today */
        while (d + 1 < ndays && t >= day_start(now, -(d + 1)))
            d++;
        if (d + 1 == ndays && t >= day_start(now, -ndays))
            continue;
        due[d]++;
    }
    sqlite3_finalize(st);
    return 0;
}

int progress_streak(Progress *p)
{
    sqlite3_stmt *st;
    int64_t now = progress_now();
    int streak = 0, back = 0;

    if (!p || !(st = prep(p, "SELECT 1 FROM attempts WHERE time >= ? AND "
                             "time < ? LIMIT 1")))
        return 0;
    for (;; back++) {
        int hit;
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, day_start(now, back));
        sqlite3_bind_int64(st, 2, day_start(now, back - 1));
        hit = sqlite3_step(st) == SQLITE_ROW;
        if (!hit && back == 0)
            continue; /* nothing yet today: the streak may still be alive */
        if (!hit || back > 3660)
            break;
        streak++;
    }
    sqlite3_finalize(st);
    return streak;
}

/* ------------------------------------------------------------------ */
/* Settings */

char *progress_get_setting(Progress *p, const char *key)
{
    sqlite3_stmt *st;
    char *v = NULL;

    if (!p || !(st = prep(p, "SELECT value FROM settings WHERE key = ?")))
        return NULL;
    bind_text(st, 1, key);
    if (sqlite3_step(st) == SQLITE_ROW && col_text(st, 0))
        v = xstrdup(col_text(st, 0));
    sqlite3_finalize(st);
    return v;
}

int progress_set_setting(Progress *p, const char *key, const char *value)
{
    sqlite3_stmt *st;

    if (!p || !key || !can_write(p) || begin(p) != SQLITE_OK)
        return -1;
    st = prep(p, "INSERT OR REPLACE INTO settings VALUES (?, ?)");
    if (st) {
        bind_text(st, 1, key);
        bind_text(st, 2, value);
    }
    return finish(p, run(st));
}
