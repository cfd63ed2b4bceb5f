// The declarations of include/CLibFuzzer.h are libFuzzer's own; this file only gives the target a source.
#include "CLibFuzzer.h"
