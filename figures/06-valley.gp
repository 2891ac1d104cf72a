# 06-valley.gp — Lab 06, section 4: the race on the aligned valley λ1 x1^2 + λ2 x2^2 (lambdas):
# SGD, SGD + momentum, AdaGrad, RMSProp and Adam, paths over the contours
# (top) and the loss against the step (bottom).
# The drawing is figures/06-race.gp; its header lists the data and variables.
load stylefile
load root . '/figures/06-race.gp'
