import FeatureRunner
import Foundation

/// The Swift step definitions of every sample of the kit, equivalent to the kit's TypeScript ones (same patterns,
/// same order, same outcomes, same messages), one library per sample as the kit scopes a run.
enum KitSteps {
    /// The library for a sample; `directory` holds the files its steps attach.
    static func library(for sample: String, directory: URL) -> StepLibrary<KitWorld> {
        switch sample {
        case "all-statuses": KitStatusSteps.allStatuses()
        case "ambiguous": KitStatusSteps.ambiguous()
        case "failedish-combinations": KitStatusSteps.failedishCombinations()
        case "pending": KitStatusSteps.pending()
        case "pending-exception": KitStatusSteps.pendingException()
        case "skipped": KitStatusSteps.skipped()
        case "skipped-exception": KitStatusSteps.skippedException()
        case "stack-traces": KitStatusSteps.stackTraces()
        case "retry": KitStatusSteps.retry()
        case "retry-ambiguous": KitStatusSteps.retryAmbiguous()
        case "retry-pending": KitStatusSteps.retryPending()
        case "undefined", "undefined-multiple": KitStatusSteps.undefined()
        case "unused-steps": KitStatusSteps.unusedSteps()
        case "attachments": KitAttachmentSteps.attachments(directory)
        case "examples-tables-attachment": KitAttachmentSteps.examplesTablesAttachment(directory)
        case "hooks-attachment": KitAttachmentSteps.hooksAttachment(directory)
        case "global-hooks-attachments": KitAttachmentSteps.globalHooksAttachments()
        case "hooks": KitHookSteps.hooks()
        case "hooks-conditional": KitHookSteps.hooksConditional()
        case "hooks-named": KitHookSteps.hooksNamed()
        case "hooks-skipped": KitHookSteps.hooksSkipped()
        case "hooks-undefined": KitHookSteps.hooksUndefined()
        case "skipped-failing-hook": KitHookSteps.skippedFailingHook()
        case "global-hooks": KitHookSteps.globalHooks()
        case "global-hooks-afterall-error": KitHookSteps.globalHooksAfterAllError()
        case "global-hooks-beforeall-error": KitHookSteps.globalHooksBeforeAllError()
        default: KitGherkinSteps.library(for: sample)
        }
    }
}
