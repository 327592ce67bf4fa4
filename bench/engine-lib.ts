/** The project's own engine, trained through its public `train` function exactly as a notebook would. */
import { train } from '../dist/train';
import { sgd } from '../dist/optimizers/sgd';
import type { Task } from './tasks';
import type { EngineResult } from './engine-tfjs';

export function runLib(task: Task): EngineResult {
  const net = task.initial.clone(); // every repetition starts from the same weights
  const start = performance.now();
  const history = train(net, {
    x: task.x,
    y: task.y,
    loss: task.loss,
    optimizer: sgd({ learningRate: task.learningRate }),
    epochs: task.epochsPerRep,
    batchSize: task.batchSize,
    shuffle: false, // the same batch order as the tfjs runs
    convergence: false,
  });
  const seconds = (performance.now() - start) / 1000;
  return { seconds, meanBatchLoss: history.loss[history.loss.length - 1], parameters: net.parameters() };
}
