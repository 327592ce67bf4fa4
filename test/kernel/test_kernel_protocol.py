"""Jupyter's own kernel test suite (jupyter_kernel_test) run against the course kernel (scripts/tslab-kernel.js).

Started by test/kernel/run.js (`npm run test:kernel`), which writes the project-local kernel spec and sets the
project-local Jupyter folders (JUPYTER_PATH etc.), so kernel_name "tslab" is the course kernel.

Besides the suite's own checks (every message is validated against the messaging spec), this file checks that
the kernel's language_info is exactly what the committed notebooks carry: classic Notebook marks a notebook
modified when they differ, so merely opening a notebook would show "(unsaved changes)".
"""

import glob
import json
import os
import time
import unittest

import jupyter_kernel_test
from jupyter_client.manager import start_new_kernel

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


class CourseKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "tslab"
    language_name = "typescript"
    file_extension = ".ts"

    @classmethod
    def setUpClass(cls):
        # as in the course: the kernel runs in notebooks/ (the notebooks import '../dist')
        cls.km, cls.kc = start_new_kernel(kernel_name=cls.kernel_name, cwd=os.path.join(ROOT, "notebooks"), startup_timeout=120)

    def setUp(self):
        # tslab aborts every execute request that arrives within 200 ms of a failed one (its stop-on-error)
        time.sleep(0.3)

    # stdout and stderr streams
    code_hello_world = 'console.log("hello, world");'
    code_stderr = 'console.error("something on stderr");'

    # an error: status "error" with ename/evalue/traceback, and one `error` message on iopub
    code_generate_error = 'throw new Error("boom");'

    # the value of a cell's last expression is an execute_result
    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": "[1, 2].map((x) => x * 10)", "result": "[ 10, 20 ]"},
        {"code": "'text ' + 'as it is'", "result": "text as it is"},
    ]

    # tslab's display API
    code_display_data = [
        {"code": "import * as tslab from 'tslab';\ntslab.display.html('<b>bold</b>');", "mime": "text/html"},
        {"code": "import * as tslab from 'tslab';\ntslab.display.markdown('*md*');", "mime": "text/markdown"},
    ]

    completion_samples = [
        {"text": "Math.ab", "matches": {"abs"}},
        {"text": "const someLongName = 1;\nsomeLon"},
    ]

    code_inspect_sample = "Math.max"

    complete_code_samples = ["1 + 2", "let x = 1;", "function f() {\n  return 1;\n}"]
    incomplete_code_samples = ["function f() {", "const a = [1,", "if (true) {\n  console.log(1);"]
    invalid_code_samples = ["1 +* 2", "let 1x = 2;", "}"]

    def test_language_info_matches_the_notebooks(self):
        self.flush_channels()
        msg_id = self.kc.kernel_info()
        reply = self.kc.get_shell_msg(timeout=jupyter_kernel_test.TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        info = reply["content"]["language_info"]
        files = sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")))
        self.assertGreater(len(files), 0)
        for path in files:
            with open(path, encoding="utf-8") as f:
                saved = json.load(f)["metadata"].get("language_info")
            with self.subTest(notebook=os.path.basename(path)):
                self.assertEqual(saved, info, "the kernel's language_info differs from the notebook's metadata")

    def test_error_reply_names_the_error(self):
        self.flush_channels()
        reply, outputs = self.execute_helper('throw new RangeError("out of range")')
        content = reply["content"]
        self.assertEqual(content["status"], "error")
        self.assertEqual((content["ename"], content["evalue"]), ("RangeError", "out of range"))
        self.assertEqual([m["msg_type"] for m in outputs], ["error"])
        self.assertEqual(outputs[0]["content"]["traceback"], content["traceback"])
        # the traceback is the text tslab printed on stderr before (Node's excerpt of the cell, then the stack)
        self.assertIn("RangeError: out of range", content["traceback"])

    def test_compile_error_is_an_error_with_the_hint(self):
        self.flush_channels()
        reply, outputs = self.execute_helper("const y = notDefinedAnywhere + 1;")
        content = reply["content"]
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "CompileError")
        self.assertIn("Cannot find name 'notDefinedAnywhere'", content["evalue"])
        self.assertEqual([m["msg_type"] for m in outputs], ["error"])
        text = "\n".join(content["traceback"])
        self.assertIn("hint: 'notDefinedAnywhere' is not defined in this kernel session", text)


if __name__ == "__main__":
    unittest.main(verbosity=2)
