export {
  pullModel,
  RECOMMENDED_MODELS,
  resolvePullUri,
  sha256File,
  type PullOptions,
  type PullProgress,
  type PullResult,
} from './pull.js';
