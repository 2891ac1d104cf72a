# 03-cd-paths.gp — Lab 03, part 1: the coordinate-descent paths on the
# same quadratics; drawn by 03-gd-paths.gp (see it for data and variables).
method = 'cd'
load root . '/figures/03-gd-paths.gp'
