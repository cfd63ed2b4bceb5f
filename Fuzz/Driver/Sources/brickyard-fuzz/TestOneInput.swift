import Foundation
import FuzzTargets

/// The target `BRICKYARD_FUZZ_TARGET` names (`xml`, `json`, ...; see `FuzzTarget`), read once.
let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["BRICKYARD_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("set BRICKYARD_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }
    return target
}()

/// libFuzzer's entry point: one input for the selected target.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Data(bytes: $0, count: size) } ?? Data()
    selectedTarget.run(input)
    return 0
}
