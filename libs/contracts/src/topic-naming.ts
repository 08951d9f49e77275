/** Name of the DLQ topic of an input topic: `<topic>.dlq`. */
export function dlqTopicName(topic: string): string {
  return `${topic}.dlq`;
}

/** True for a DLQ topic name (`<topic>.dlq`). */
export function isDlqTopic(topic: string): boolean {
  return topic.endsWith('.dlq');
}

/** Registry subject of a topic's value under TopicNameStrategy: `<topic>-value`. */
export function valueSubjectName(topic: string): string {
  return `${topic}-value`;
}
