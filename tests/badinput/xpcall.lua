-- The handler loops: it must run under the budget too.
xpcall(function() error('x') end, function() while true do end end)
