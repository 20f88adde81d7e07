/*
** exercises.h - finding exercise files and loading them for the app.
**
** Exercises live in ROOT/exercises/<chapter>/<topic>.lua. Each file is run
** in the sandbox by the grading core (engine/grade.h); this module walks
** the tree, keeps the file texts alive for custom checks, and adds the
** cross-file checks: ids unique, topics known, file named after its topic,
** follow-up links resolve.
** Like lessons, loading never stops at a bad file: problems are collected
** as "file:line: message".
*/
#ifndef PYPREP_EXERCISES_H
#define PYPREP_EXERCISES_H

#include "content.h"
#include "grade.h"

typedef struct {
    GradeExercise **v; /* every exercise that parsed, in file order */
    int n;
    char **sources; /* file texts, borrowed by the exercises */
    char **files;
    int nfiles;
    GradeList errors; /* every problem, "file:line: message" */
    int *file_errors; /* per file: number of problems */
} ExerciseSet;

/*
** Load every exercise file under each dir/exercises (dirs are content
** roots). `c` (may be NULL) gives the known topics: exercises whose topic
** no lesson lists are errors. Never NULL.
*/
ExerciseSet *exercises_load(char **dirs, int ndirs, const Content *c);
void exercises_free(ExerciseSet *s);

/* The exercise with this id, or NULL (borrowed). */
GradeExercise *exercises_find(const ExerciseSet *s, const char *id);

/*
** Follow-ups: an exercise may name (`followup = "id"`) the question an
** interviewer asks right after it. exercises_load checks the link (the id
** exists, one parent per follow-up, no follow-up of a follow-up) and drops
** a broken one. exercises_followup gives ex's follow-up, exercises_parent
** the exercise whose follow-up ex is; NULL when none (borrowed).
*/
GradeExercise *exercises_followup(const ExerciseSet *s,
                                  const GradeExercise *ex);
GradeExercise *exercises_parent(const ExerciseSet *s,
                                const GradeExercise *ex);

/*
** The exercises of a lesson's topics, in file order (borrowed pointers).
** Returns how many; *out is a new array the caller frees.
*/
int exercises_for_lesson(const ExerciseSet *s, const Lesson *l,
                         GradeExercise ***out);

/* Up to max ids close to id (edit distance or substring), best first. */
int exercises_suggest(const ExerciseSet *s, const char *id, const char **out,
                      int max);

#endif
