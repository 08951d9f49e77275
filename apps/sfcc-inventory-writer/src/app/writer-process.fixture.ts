import { runService } from '@wair-sfcc/app-runtime';
import type { WriterTopics } from './writer-topics';
import { createWriterService } from './writer-service';

// Test fixture: the writer exactly as main.ts wires it, on the topics named in WRITER_TEST_TOPICS
// (JSON), so an integration test can SIGKILL a real writer process without touching shared topics.
const topics = JSON.parse(process.env['WRITER_TEST_TOPICS'] ?? '{}') as Partial<WriterTopics>;
void runService(createWriterService(process.env, topics));
