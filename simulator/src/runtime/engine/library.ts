/**
 * The value library's built-ins and classes, gathered for the engine in one place, so the
 * engine depends on the library through this module only.
 */
export {
  builtinFunctions as libraryFunctions,
  builtinConstants as libraryConstants,
  builtinClasses as newableClasses,
  builtinProgIds as standardProgIds,
} from '../builtins/index.js';
