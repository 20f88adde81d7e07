/*
** cmd_report.c - `pyprep report [--csv|--json] [--since DATE] [--mode M]
** [--name NAME]`: attempts and sessions for a teacher.
**
** CSV follows RFC 4180 (CRLF, a header row, quotes doubled, fields with
** commas, quotes or line breaks quoted): one row per attempt and per
** session, told apart by the first column. JSON comes from SQLite's JSON
** functions (progress_report_json_new). The database is opened read-only.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "progress.h"
#include "util.h"

typedef struct {
    const char *student;
    int text;
} Report;

static void csv_field(const char *s, int last)
{
    if (s && strpbrk(s, ",\"\r\n")) {
        putchar('"');
        for (; *s; s++) {
            if (*s == '"')
                putchar('"');
            putchar(*s);
        }
        putchar('"');
    } else if (s) {
        fputs(s, stdout);
    }
    fputs(last ? "\r\n" : ",", stdout);
}

static void csv_num(double v, int last)
{
    char b[64];
    snprintf(b, sizeof b, "%.17g", v);
    csv_field(b, last);
}

static void csv_int(long long v, int last)
{
    char b[32];
    snprintf(b, sizeof b, "%lld", v);
    csv_field(b, last);
}

static const char *iso(int64_t t, char *b, size_t n)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (t == 0)
        return "";
    gmtime_r(&tt, &tm);
    strftime(b, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return b;
}

static const char *const csv_header[] = {
    "record", "student", "id", "time", "mode", "session", "exercise",
    "topic", "kind", "answer", "score", "passed", "hints", "seconds",
    "title", "level", "seed", "minutes", "items", "correct", "finished",
    "followup_of"};
#define NCOLS (int)(sizeof csv_header / sizeof csv_header[0])

static int csv_attempt(const ProgressAttemptRow *r, void *ud)
{
    Report *rep = ud;
    char t[32];
    if (rep->text) {
        printf("%s  %-9s %-32s %3.0f%% %s%s", iso(r->time, t, sizeof t),
               r->mode, r->exercise_id, r->score * 100,
               r->passed ? "pass" : "miss",
               r->answer ? "" : " (unanswered)");
        if (r->followup_of)
            printf("  (follow-up to %s)", r->followup_of);
        printf("\n");
        return 0;
    }
    csv_field("attempt", 0);
    csv_field(rep->student, 0);
    csv_int(r->id, 0);
    csv_field(iso(r->time, t, sizeof t), 0);
    csv_field(r->mode, 0);
    if (r->session_id)
        csv_int(r->session_id, 0);
    else
        csv_field("", 0);
    csv_field(r->exercise_id, 0);
    csv_field(r->topic, 0);
    csv_field(r->kind, 0);
    csv_field(r->answer, 0);
    csv_num(r->score, 0);
    csv_int(r->passed, 0);
    csv_int(r->hints, 0);
    csv_num(r->seconds, 0);
    for (int i = 14; i < NCOLS - 1; i++)
        csv_field("", 0);
    csv_field(r->followup_of, 1);
    return 0;
}

static int csv_session(const ProgressSessionRow *r, void *ud)
{
    Report *rep = ud;
    char t[32], f[32];
    if (rep->text) {
        printf("%s  %-9s %-32s ", iso(r->started, t, sizeof t), r->mode,
               r->title ? r->title : "");
        if (r->score < 0)
            printf("unfinished\n");
        else
            printf("%d/%d (%.0f%%)\n", r->ncorrect, r->nitems,
                   r->score * 100);
        return 0;
    }
    csv_field("session", 0);
    csv_field(rep->student, 0);
    csv_int(r->id, 0);
    csv_field(iso(r->started, t, sizeof t), 0);
    csv_field(r->mode, 0);
    csv_int(r->id, 0);
    for (int i = 6; i < 10; i++)
        csv_field("", 0);
    if (r->score < 0)
        csv_field("", 0);
    else
        csv_num(r->score, 0);
    for (int i = 11; i < 14; i++)
        csv_field("", 0);
    csv_field(r->title, 0);
    csv_field(r->level, 0);
    csv_int(r->seed, 0);
    csv_int(r->minutes, 0);
    csv_int(r->nitems, 0);
    csv_int(r->ncorrect, 0);
    csv_field(iso(r->finished, f, sizeof f), 0);
    csv_field("", 1);
    return 0;
}

/* YYYY-MM-DD (local midnight), YYYY-MM-DDTHH:MM[:SS] (local) or @UNIX. */
static int parse_date(const char *s, int64_t *out)
{
    struct tm tm;
    int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
    char *end;

    if (s[0] == '@') {
        *out = strtoll(s + 1, &end, 10);
        return *end || end == s + 1 ? -1 : 0;
    }
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3)
        return -1;
    if (s[n] == 'T' || s[n] == ' ') {
        int m = 0;
        if (sscanf(s + n + 1, "%2d:%2d%n:%2d%n", &h, &mi, &m, &sec, &m) < 2)
            return -1;
        n += 1 + m;
    }
    if (s[n] || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59)
        return -1;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = sec;
    tm.tm_isdst = -1;
    *out = (int64_t)mktime(&tm);
    return 0;
}

/* The student's name: --name, else $PYPREP_NAME, else `name = ...` in
** $XDG_CONFIG_HOME/pyprep/config (~/.config/...), else the setting saved
** in the database. New string or NULL. */
static char *student_name(Progress *p, const char *opt)
{
    const char *e;
    char *path = NULL, line[256];
    FILE *f;

    if (opt)
        return xstrdup(opt);
    if ((e = getenv("PYPREP_NAME")) && *e)
        return xstrdup(e);
    if ((e = getenv("XDG_CONFIG_HOME")) && *e == '/')
        path = xasprintf("%s/pyprep/config", e);
    else if ((e = getenv("HOME")) && *e)
        path = xasprintf("%s/.config/pyprep/config", e);
    if (path && (f = fopen(path, "r"))) {
        while (fgets(line, sizeof line, f)) {
            char *k = line, *v;
            while (*k == ' ' || *k == '\t')
                k++;
            if (strncmp(k, "name", 4) != 0)
                continue;
            v = k + 4;
            while (*v == ' ' || *v == '\t')
                v++;
            if (*v != '=')
                continue;
            v++;
            while (*v == ' ' || *v == '\t')
                v++;
            v[strcspn(v, "\r\n")] = '\0';
            fclose(f);
            free(path);
            return xstrdup(v);
        }
        fclose(f);
    }
    free(path);
    return progress_get_setting(p, "name");
}

int cmd_report(int argc, char **argv)
{
    const char *mode = NULL, *name = NULL;
    int csv = 0, json = 0, rc = 0;
    int64_t since = 0;
    Report rep = {0};
    char *path, *student;
    Progress *p;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--csv") == 0) {
            csv = 1;
        } else if (strcmp(a, "--json") == 0) {
            json = 1;
        } else if (strcmp(a, "--since") == 0 && i + 1 < argc) {
            if (parse_date(argv[++i], &since) < 0) {
                fprintf(stderr, "%s: report: bad date '%s' (want "
                                "YYYY-MM-DD)\n", progname, argv[i]);
                return 2;
            }
        } else if (strcmp(a, "--mode") == 0 && i + 1 < argc) {
            mode = argv[++i];
            if (strcmp(mode, "drill") && strcmp(mode, "interview") &&
                strcmp(mode, "study") && strcmp(mode, "review")) {
                fprintf(stderr, "%s: report: mode must be drill, "
                                "interview, study or review\n", progname);
                return 2;
            }
        } else if (strcmp(a, "--name") == 0 && i + 1 < argc) {
            name = argv[++i];
        } else {
            fprintf(stderr,
                    "usage: %s report [--csv | --json] [--since DATE] "
                    "[--mode drill|interview|study|review] [--name NAME]\n",
                    progname);
            return 2;
        }
    }
    if (csv && json) {
        fprintf(stderr, "%s: report: choose --csv or --json\n", progname);
        return 2;
    }
    path = progress_path_new();
    p = progress_open(path, PROGRESS_OPEN_READONLY);
    free(path);
    if (progress_problem(p))
        fprintf(stderr, "%s: %s\n", progname, progress_problem(p));
    student = student_name(p, name);
    rep.student = student ? student : "";
    if (json) {
        char *doc = progress_report_json_new(p, since, mode, student);
        if (doc)
            printf("%s\n", doc);
        else
            rc = 3;
        free(doc);
    } else {
        rep.text = !csv;
        if (csv)
            for (int i = 0; i < NCOLS; i++)
                csv_field(csv_header[i], i == NCOLS - 1);
        else if (student)
            printf("student: %s\n", student);
        if (progress_each_session(p, since, mode, csv_session, &rep) < 0 ||
            progress_each_attempt(p, since, mode, csv_attempt, &rep) < 0)
            rc = 3;
    }
    if (rc)
        fprintf(stderr, "%s: report: %s\n", progname,
                progress_problem(p) ? progress_problem(p) : "failed");
    free(student);
    progress_close(p);
    return rc;
}
