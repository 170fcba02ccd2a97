#ifndef MINIHOST_CJAVASCRIPTCORE_SHIM_H
#define MINIHOST_CJAVASCRIPTCORE_SHIM_H

#include <JavaScriptCore/JavaScript.h>
#include <stdbool.h>

/* Exported by libjavascriptcoregtk-4.1 but not declared in its public headers
   (JSContextRefPrivate.h in WebKit's sources). */

/** Called when a context group's script exceeds its execution time limit. Return true to terminate. */
typedef bool (*JSShouldTerminateCallback)(JSContextRef ctx, void *context);

/** Arms the watchdog: CPU time of the outermost API call, in seconds. */
extern void JSContextGroupSetExecutionTimeLimit(JSContextGroupRef group, double limit,
                                                JSShouldTerminateCallback callback, void *context);
extern void JSContextGroupClearExecutionTimeLimit(JSContextGroupRef group);

/** Makes eval, new Function and the async/generator function constructors throw an EvalError with `message`. */
extern void JSGlobalContextSetEvalEnabled(JSGlobalContextRef ctx, bool enabled, JSStringRef message);

/** Sets a JS function called as (promise, reason) for every unhandled promise rejection. */
extern void JSGlobalContextSetUnhandledRejectionCallback(JSGlobalContextRef ctx, JSObjectRef function,
                                                         JSValueRef *exception);

extern JSObjectRef JSGetMemoryUsageStatistics(JSContextRef ctx);
extern void JSSynchronousGarbageCollectForDebugging(JSContextRef ctx);
extern void JSSynchronousEdenCollectForDebugging(JSContextRef ctx);

#endif
