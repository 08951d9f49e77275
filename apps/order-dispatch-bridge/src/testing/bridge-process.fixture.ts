import { runService } from '@wair-sfcc/app-runtime';
import type { BridgeTopics } from '../app/bridge-topics';
import { createBridgeService } from '../app/bridge-service';

// Test fixture: the bridge exactly as main.ts wires it, on the topics named in BRIDGE_TEST_TOPICS
// (JSON), so an integration test can SIGKILL a real bridge process without touching shared topics.
const topics = JSON.parse(process.env['BRIDGE_TEST_TOPICS'] ?? '{}') as Partial<BridgeTopics>;
void runService(createBridgeService(process.env, topics));
