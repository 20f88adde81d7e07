/*
** lesson_view.h - a lesson laid out for reading: title block + body.
**
** Shared by `pyprep show` and the reader screen so both print the same.
*/
#ifndef PYPREP_LESSON_VIEW_H
#define PYPREP_LESSON_VIEW_H

#include "content.h"
#include "markdown.h"

/* Render lesson l (not broken) at width; flags as md_render. */
MdView *lesson_render(const Lesson *l, int width, int flags);

#endif
