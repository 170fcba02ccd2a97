'use strict';
// The view runtime's intrinsics, captured before any app code (WXS) runs so that nothing it
// does to the globals reaches the renderer.
const G = globalThis;
const ObjectFreeze = Object.freeze, ObjectKeys = Object.keys, ObjectCreate = Object.create;
const ObjectDefine = Object.defineProperty, ObjectGetDesc = Object.getOwnPropertyDescriptor;
const ObjectGetProto = Object.getPrototypeOf, ObjectIs = Object.is;
const ArrayIsArray = Array.isArray, JSONStringify = JSON.stringify, JSONParse = JSON.parse;
const StringCtor = String, NumberCtor = Number, RegExpCtor = RegExp, DateCtor = Date;
const NumberIsInteger = Number.isInteger;
const ReflectApply = Reflect.apply, ReflectConstruct = Reflect.construct, ReflectOwnKeys = Reflect.ownKeys;
const MapCtor = Map, SetCtor = Set, WeakSetCtor = WeakSet;
const ErrorCtor = Error, TypeErrorCtor = TypeError;
const SymbolIterator = Symbol.iterator, SymbolMatchAll = Symbol.matchAll;
// Getters the freeze walk must treat as more than plain methods (none in the view).
const enablementGetters = new WeakSetCtor();
