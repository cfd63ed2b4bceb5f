import CLibFuzzer
import Foundation

// SwiftPM links an executable's top-level code as `main`, so this, not libFuzzer's own `main`, starts the process:
// it hands libFuzzer the arguments (its flags, corpus directories, inputs to replay) and the entry point.
_ = selectedTarget
var arguments = CommandLine.argc
var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argumentValues) { data, size in testOneInput(data, size) })
