getmetatable('').__index.rep = nil
