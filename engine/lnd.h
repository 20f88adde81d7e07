/*
** lnd.h - the Lua binding of the array core: module `nd`.
**
** luaopen_nd returns the module table (NumPy's `np` namespace as seen by
** the Python front end). The Lua API is documented in docs/ndarray.md.
** Arrays are full userdata "nd.array" holding an NdArray view; owners
** keep their data inline in the same userdata, views keep their owner
** alive through user value 1, so Lua's GC (and the sandbox's capped
** allocator) manage every byte of array memory.
*/
#ifndef PYPREP_LND_H
#define PYPREP_LND_H

#include <lua.h>

#include "nd.h"

/* Open the module; leaves the module table on the stack. */
int luaopen_nd(lua_State *L);

/* The NdArray of the array userdata at idx, or NULL if it is not one. */
NdArray *lnd_toarray(lua_State *L, int idx);

/* Push a new C-contiguous array (uninitialised data) of dtype t and the
** given shape; raises ValueError/MemoryError like NumPy. */
NdArray *lnd_newarray(lua_State *L, NdDType t, int ndim,
                      const int64_t *shape);

/* Raise an nd.error {type, message}; does not return. */
int lnd_raise(lua_State *L, const char *type, const char *msg);

/* Push a C-contiguous copy of the array-like at idx (array, nested
** sequence or number) converted to dtype t; returns it. */
NdArray *lnd_tocontig(lua_State *L, int idx, NdDType t);

/* Flag the 0-d array at idx as a NumPy scalar. */
void lnd_markscalar(lua_State *L, int idx);

/* What a function of the module reads: positional arguments (maxpos; -1
** leaves them unchecked) and keywords (names, space-separated). NumPy
** takes arguments pyprep does not implement (where=, order= ...); the
** guard refuses them instead of letting the function ignore them. */
typedef struct {
    lua_CFunction fn; /* or NULL for a Lua function */
    int maxpos; /* a Generator method: not counting the generator */
    const char *names;
} LndArgSpec;

/* Replace the function on the top of the stack by a closure that checks
** a call's arguments against spec (kept by pointer: static storage) and
** raises a refusal (error of metatable "nd.refuse", {refuse = text}) for
** any it does not read; name is used in that text. */
void lnd_guard(lua_State *L, const LndArgSpec *spec, const char *name);

/* The extension `nd.linalg` (engine/lnd_linalg.c): returns the linalg
** table and also stores it as field `linalg` of the loaded nd module.
** Linking it needs LAPACK/BLAS (mk/linalg.mk's LINALG_LIBS). */
int luaopen_nd_linalg(lua_State *L);

#endif
