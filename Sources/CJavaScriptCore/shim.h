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

/** A parsed script bound to one context group (JSScriptRefPrivate.h). */
typedef struct OpaqueJSScript *JSScriptRef;

/** Makes a script of ASCII `source`, which is not copied: it must outlive every use of the script
    in every group. Returns NULL (and the message and line) on a syntax error, or NULL with no
    message if `source` is not ASCII. */
extern JSScriptRef JSScriptCreateReferencingImmortalASCIIText(JSContextGroupRef contextGroup, JSStringRef url,
                                                              int startingLineNumber, const char *source,
                                                              size_t length, JSStringRef *errorMessage,
                                                              int *errorLine);
extern void JSScriptRelease(JSScriptRef script);
/** Evaluates `script` in `context`, whose group must be the script's. */
extern JSValueRef JSScriptEvaluate(JSContextRef context, JSScriptRef script, JSValueRef thisValue,
                                   JSValueRef *exception);

extern JSObjectRef JSGetMemoryUsageStatistics(JSContextRef ctx);
extern void JSSynchronousGarbageCollectForDebugging(JSContextRef ctx);
extern void JSSynchronousEdenCollectForDebugging(JSContextRef ctx);

/* The same library's GLib API (JSCOptions.h, declared here without GLib's types: gboolean and
   gint are int). They set the engine's options in memory: before the process's first VM only
   (the engine seals its options then; a later call crashes). Return 0 for an unknown option. */
extern int jsc_options_set_boolean(const char *option, int value);
extern int jsc_options_get_boolean(const char *option, int *value);
extern int jsc_options_set_int(const char *option, int value);
extern int jsc_options_get_int(const char *option, int *value);

/* The library's version (JSCVersion.h; guint is unsigned int): what is loaded, not the headers. */
extern unsigned int jsc_get_major_version(void);
extern unsigned int jsc_get_minor_version(void);
extern unsigned int jsc_get_micro_version(void);

#endif
