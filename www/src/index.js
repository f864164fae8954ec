// The ES-module entry: loads the .wasm from beside this file and defines <maturity-matrix>.
import { defineElement } from "./element.js";

defineElement();

export * from "./element.js";
