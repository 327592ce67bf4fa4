# Notebook 6's kernel manager with a cap on how many kernels one student may run at once, so that one browser
# with twenty open tabs cannot take the room's memory. Loaded in every student's single-user server through
# --NotebookApp.kernel_manager_class=capped_kernels.CappedKernelManager (see jupyterhub_config.py).
from notebook.services.kernels.kernelmanager import MappingKernelManager
from tornado import web
from traitlets import Float, Integer


class CappedKernelManager(MappingKernelManager):
    max_kernels = Integer(3, config=True, help="How many kernels one student may run at the same time.")
    memory_gb = Float(2.0, config=True, help="The student's memory limit (only used in messages).")

    async def start_kernel(self, kernel_id=None, path=None, **kwargs):
        if kernel_id is None or kernel_id not in self:
            running = len(self.list_kernel_ids())
            if running >= self.max_kernels:
                raise web.HTTPError(
                    403,
                    f"You already have {running} kernels running, the most this classroom allows per student "
                    f"(they share your {self.memory_gb:g} GB of memory). Close a notebook you no longer need "
                    f"(File → Close and Halt, or the Running tab) and try again.",
                )
        return await super().start_kernel(kernel_id=kernel_id, path=path, **kwargs)
