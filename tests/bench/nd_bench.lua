-- nd_bench.lua - the engine side of `make bench-nd`: the operations of
-- nd_bench_numpy.py through the nd binding, run inside a sandbox worker by
-- nd_bench.c; prints "op<TAB>n<TAB>seconds".
local quick = ... == "quick"
local sizes = quick and {10, 1000, 100000} or {10, 1000, 100000, 10000000}
local KW = nd.kw
local function shape2(n)
    local t = {[10] = {2, 5}, [1000] = {25, 40}, [100000] = {250, 400},
               [10000000] = {2500, 4000}}
    return t[n]
end

local function bench(fn)
    -- best of 3 repeats of >= 0.05 s (fewer calls for slow ops)
    local best = math.huge
    local reps = 1
    while true do
        collectgarbage()
        local t0 = now()
        for _ = 1, reps do fn() end
        local dt = now() - t0
        if dt >= 0.05 or reps >= 1e6 then
            best = math.min(best, dt / reps)
            break
        end
        reps = reps * (dt > 0 and math.max(2, math.ceil(0.06 / dt)) or 10)
    end
    for _ = 1, 2 do
        collectgarbage()
        local t0 = now()
        for _ = 1, reps do fn() end
        best = math.min(best, (now() - t0) / reps)
    end
    return best
end

local function out(op, n, t)
    print(op .. "\t" .. n .. "\t" .. string.format("%.9g", t))
end

for _, n in ipairs(sizes) do
    local a = nd.sin(nd.arange(n) * 1.0) * 0.5 + 0.5
    local b = nd.cos(nd.arange(n) * 1.0)
    local sh = shape2(n)
    local m = nd.reshape(a, sh[1], sh[2])
    local row = nd.getitem(b, nd.slice(0, sh[2]))
    local col = nd.reshape(nd.getitem(b, nd.slice(0, sh[1])), sh[1], 1)
    local mask = nd.gt(b, 0)
    local idx = nd.array((nd.arange(n // 10) * 7919) % n)
    local i8a = nd.arange(n) % 100
    i8a = i8a:astype("int8")
    local i8b = (nd.arange(n) % 27):astype("int8")
    local c = nd.empty(n)
    out("a+b", n, bench(function() return a + b end))
    out("add out=", n, bench(function() return nd.add(a, b, KW{out = c}) end))
    out("a*2.0+1.0", n, bench(function() return a * 2.0 + 1.0 end))
    out("sqrt", n, bench(function() return nd.sqrt(a) end))
    out("sum", n, bench(function() return a:sum() end))
    out("mean", n, bench(function() return a:mean() end))
    out("std", n, bench(function() return a:std() end))
    out("m.sum(axis=0)", n, bench(function() return m:sum(0) end))
    out("m.sum(axis=1)", n, bench(function() return m:sum(1) end))
    out("m+row", n, bench(function() return m + row end))
    out("m+col", n, bench(function() return m + col end))
    out("a[a>0.5]", n, bench(function() return nd.getitem(a, nd.gt(a, 0.5)) end))
    out("a[mask]", n, bench(function() return nd.getitem(a, mask) end))
    out("a[idx]", n, bench(function() return nd.getitem(a, idx) end))
    out("m.T.copy()", n, bench(function() return m.T:copy() end))
    out("sort", n, bench(function() return nd.sort(b) end))
    out("cumsum", n, bench(function() return nd.cumsum(a) end))
    out("int8 a+b", n, bench(function() return i8a + i8b end))
    out("astype(float32)", n, bench(function() return a:astype("float32") end))
    a, b, m, row, col, mask, idx, i8a, i8b, c = nil
    collectgarbage()
end
for _, k in ipairs({64, 256}) do
    local x = nd.sin(nd.arange(k * k) * 1.0):reshape(k, k)
    local y = nd.cos(nd.arange(k * k) * 1.0):reshape(k, k)
    out("matmul", k, bench(function() return nd.matmul(x, y) end))
end
